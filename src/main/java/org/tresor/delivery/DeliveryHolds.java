package org.tresor.delivery;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tresor.account.PendingDeliveries;
import org.tresor.account.UserId;

/**
 * Keeps an external account while a delivery still waits for it: not deleted by the recipient, not expired,
 * not purged. Retention removes inactive external accounts only when nothing waits.
 */
@Component
class DeliveryHolds implements PendingDeliveries {

	private final Deliveries deliveries;

	private final Clock clock;

	DeliveryHolds(Deliveries deliveries, Clock clock) {
		this.deliveries = deliveries;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean existFor(UserId externalUser) {
		return deliveries.pendingFor(externalUser.value(), clock.instant());
	}
}

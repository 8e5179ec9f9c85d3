package org.tresor.delivery;

import org.springframework.modulith.NamedInterface;
import org.tresor.account.UserId;

/**
 * {@code count} deliveries from one sender can be fetched by the recipient now; {@code delivery} is the one
 * when there is one (the mail then links it), null when there are several (or in events recorded before it
 * was added).
 */
@NamedInterface("events")
public record DeliveryReady(UserId recipient, String recipientEmail, String senderEmail, int count,
		DeliveryId delivery) {

	/** The address of what became ready, on the recipient's side. */
	public String path() {
		return count == 1 && delivery != null ? "/received/" + delivery.value() : "/received";
	}
}

package org.tresor.delivery;

import java.time.Clock;
import java.util.ArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.parcel.Parcels;
import org.tresor.storage.BlobId;

/**
 * Removes the bodies of deliveries that expired. The record stays for the sender's outbox ("expired"), the
 * key packets and ciphertext go. Safe to run again: a purged delivery is not found a second time.
 */
@Component
class Expiry {

	private static final Logger log = LoggerFactory.getLogger(Expiry.class);

	private final Deliveries deliveries;

	private final Parcels parcels;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Expiry(Deliveries deliveries, Parcels parcels, TransactionTemplate transactions, Clock clock) {
		this.deliveries = deliveries;
		this.parcels = parcels;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${tresor.delivery.expiry-check-interval:PT15M}", initialDelayString = "PT1M")
	void purgeExpired() {
		var bodies = transactions.execute(status -> {
			var now = clock.instant();
			var removed = new ArrayList<BlobId>();
			for (var delivery : deliveries.expiredUnpurged(now)) {
				delivery.purge(now).forEach(part -> removed.add(part.blob()));
				log.info("Delivery {} expired; its files are removed", delivery.reference());
			}
			return removed;
		});
		parcels.remove(bodies);
	}
}

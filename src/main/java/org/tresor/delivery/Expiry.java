package org.tresor.delivery;

import java.time.Instant;
import java.util.ArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.parcel.Parcels;
import org.tresor.retention.ExpiryTask;
import org.tresor.parcel.ParcelPart;

/**
 * Removes the bodies of deliveries that expired, on the retention schedule (once across all instances). The
 * record stays for the sender's outbox ("expired"), the key packets and ciphertext go. Safe to run again: a
 * purged delivery is not found a second time. The parts' rows go before their blobs; should a crash come in
 * between, the blob sweeper removes the blobs, which nothing refers to any more.
 */
@Component
class Expiry implements ExpiryTask {

	private static final Logger log = LoggerFactory.getLogger(Expiry.class);

	private final Deliveries deliveries;

	private final Parcels parcels;

	private final TransactionTemplate transactions;

	Expiry(Deliveries deliveries, Parcels parcels, TransactionTemplate transactions) {
		this.deliveries = deliveries;
		this.parcels = parcels;
		this.transactions = transactions;
	}

	@Override
	public String name() {
		return "deliveries";
	}

	@Override
	public int deleteExpired(Instant now) {
		var purged = new int[1];
		var bodies = transactions.execute(status -> {
			var removed = new ArrayList<ParcelPart>();
			for (var delivery : deliveries.expiredUnpurged(now)) {
				removed.addAll(delivery.purge(now));
				purged[0]++;
				log.info("Delivery {} expired; its files are removed", delivery.reference());
			}
			return removed;
		});
		parcels.remove(bodies);
		return purged[0];
	}
}

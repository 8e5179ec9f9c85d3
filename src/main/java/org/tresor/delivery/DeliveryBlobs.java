package org.tresor.delivery;

import org.springframework.stereotype.Component;
import org.tresor.parcel.ParcelBlobReferences;

/** Tells the blob sweeper which blobs belong to deliveries: every part that has not been purged. */
@Component
class DeliveryBlobs extends ParcelBlobReferences {

	DeliveryBlobs(Deliveries deliveries) {
		super("delivery", deliveries::referencedBlobs, deliveries::referencedBlobsAfter);
	}
}

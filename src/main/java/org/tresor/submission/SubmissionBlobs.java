package org.tresor.submission;

import org.springframework.stereotype.Component;
import org.tresor.parcel.ParcelBlobReferences;

/** Tells the blob sweeper which blobs belong to submissions that are not being deleted. */
@Component
class SubmissionBlobs extends ParcelBlobReferences {

	SubmissionBlobs(Submissions submissions) {
		super("submission", submissions::referencedBlobs, submissions::referencedBlobsAfter);
	}
}

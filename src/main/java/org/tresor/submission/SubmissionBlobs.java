package org.tresor.submission;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tresor.storage.BlobId;
import org.tresor.storage.BlobReferences;
import org.tresor.storage.ReferencedBlob;

/** Tells the blob sweeper which blobs belong to submissions that are not being deleted. */
@Component
class SubmissionBlobs implements BlobReferences {

	private final Submissions submissions;

	SubmissionBlobs(Submissions submissions) {
		this.submissions = submissions;
	}

	@Override
	@Transactional(readOnly = true)
	public Set<BlobId> referencedAmong(Collection<BlobId> blobs) {
		if (blobs.isEmpty()) {
			return Set.of();
		}
		var referenced = new HashSet<BlobId>();
		submissions.referencedBlobs(blobs.stream().map(BlobId::value).toList())
			.forEach(blob -> referenced.add(new BlobId(blob)));
		return referenced;
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReferencedBlob> referencedAfter(BlobId after, int limit) {
		return submissions.referencedBlobsAfter(after == null ? "" : after.value(), Limit.of(limit))
			.stream()
			.map(part -> new ReferencedBlob(new BlobId(part.getBlobId()), owner(part)))
			.toList();
	}

	private static String owner(Submissions.PartBlob part) {
		return "submission " + part.getReference() + ", "
				+ (SubmissionPart.Kind.MANIFEST.name().equals(part.getKind()) ? "message and file names" : "file " + part.getPosition());
	}
}

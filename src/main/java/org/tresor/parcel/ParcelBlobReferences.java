package org.tresor.parcel;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.springframework.data.domain.Limit;
import org.springframework.transaction.annotation.Transactional;
import org.tresor.storage.BlobId;
import org.tresor.storage.BlobReferences;
import org.tresor.storage.ReferencedBlob;

/**
 * Tells the blob sweeper which blobs belong to the parcels of one owner (submissions, deliveries), from
 * two queries of the owner's repository. A module registers one as a bean.
 */
public class ParcelBlobReferences implements BlobReferences {

	/** A stored part's blob and the parcel it belongs to; {@code kind} is {@code MANIFEST} or {@code FILE}. */
	public interface PartBlob {

		String getBlobId();

		String getReference();

		String getKind();

		int getPosition();
	}

	private final String owner;

	private final Function<Collection<String>, List<String>> referenced;

	private final BiFunction<String, Limit, List<PartBlob>> referencedAfter;

	/**
	 * @param owner what the parcels are called on the administrators' storage page, e.g. "delivery"
	 * @param referenced those of the given blob ids that a parcel still refers to
	 * @param referencedAfter the referenced parts with a blob id after the given one, by blob id
	 */
	public ParcelBlobReferences(String owner, Function<Collection<String>, List<String>> referenced,
			BiFunction<String, Limit, List<PartBlob>> referencedAfter) {
		this.owner = owner;
		this.referenced = referenced;
		this.referencedAfter = referencedAfter;
	}

	@Override
	@Transactional(readOnly = true)
	public Set<BlobId> referencedAmong(Collection<BlobId> blobs) {
		if (blobs.isEmpty()) {
			return Set.of();
		}
		var found = new HashSet<BlobId>();
		referenced.apply(blobs.stream().map(BlobId::value).toList()).forEach(blob -> found.add(new BlobId(blob)));
		return found;
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReferencedBlob> referencedAfter(BlobId after, int limit) {
		return referencedAfter.apply(after == null ? "" : after.value(), Limit.of(limit))
			.stream()
			.map(part -> new ReferencedBlob(new BlobId(part.getBlobId()), owner + " " + part.getReference() + ", "
					+ ("MANIFEST".equals(part.getKind()) ? "message and file names" : "file " + part.getPosition())))
			.toList();
	}
}

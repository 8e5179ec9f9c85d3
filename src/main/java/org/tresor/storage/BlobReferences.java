package org.tresor.storage;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Implemented by every module that keeps blobs (submissions now, deliveries later), so storage can tell
 * blobs that are still needed from leftovers without knowing those modules. The blob sweeper removes blobs
 * that no implementation references and flags referenced blobs that storage no longer has.
 *
 * <p>A blob counts as referenced while a row that is not marked deleted points to it. Rows are committed
 * only after their blobs are durable, so a referenced blob that is missing was lost, not still on its way.
 */
public interface BlobReferences {

	/** Those of {@code blobs} that this module still references. */
	Set<BlobId> referencedAmong(Collection<BlobId> blobs);

	/**
	 * The blobs this module references, ordered by id, starting after {@code after} (from the first if
	 * null), at most {@code limit}: the sweeper pages through all of them to check each one exists.
	 */
	List<ReferencedBlob> referencedAfter(BlobId after, int limit);
}

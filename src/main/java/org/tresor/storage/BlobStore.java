package org.tresor.storage;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.stream.Stream;

/** Stores ciphertext streams. Implementations never see plaintext. */
public interface BlobStore {

	/** Starts a new blob. Nothing is visible under its id until {@link BlobUpload#commit()}. */
	BlobUpload create() throws IOException;

	/** Opens a committed blob for reading. */
	InputStream open(BlobId id) throws IOException;

	boolean exists(BlobId id);

	/** Removes a blob; removing a missing blob is not an error. */
	void delete(BlobId id) throws IOException;

	/** Every committed blob, in no particular order; close the stream when done. */
	Stream<StoredBlob> list() throws IOException;

	/**
	 * Removes what uploads that never committed left behind (the process died while writing) and that was
	 * last written to before {@code lastWrittenBefore}; an upload in progress writes all the time.
	 *
	 * @return how many were removed
	 */
	int discardAbandonedUploads(Instant lastWrittenBefore) throws IOException;
}

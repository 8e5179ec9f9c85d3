package org.tresor.storage;

import java.io.IOException;
import java.io.InputStream;

/** Stores ciphertext streams. Implementations never see plaintext. */
public interface BlobStore {

	/** Starts a new blob. Nothing is visible under its id until {@link BlobUpload#commit()}. */
	BlobUpload create() throws IOException;

	/** Opens a committed blob for reading. */
	InputStream open(BlobId id) throws IOException;

	boolean exists(BlobId id);

	/** Removes a blob; removing a missing blob is not an error. */
	void delete(BlobId id) throws IOException;
}

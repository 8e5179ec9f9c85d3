package org.tresor.storage;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A blob being written. {@link #commit()} makes it durable under {@link #id()}; closing an upload that was
 * not committed discards everything written.
 */
public interface BlobUpload extends AutoCloseable {

	BlobId id();

	OutputStream stream();

	/** Flushes, syncs to stable storage and publishes the blob; returns the number of bytes stored. */
	long commit() throws IOException;

	@Override
	void close() throws IOException;
}

package org.tresor.storage;

import java.io.IOException;

/**
 * Storage could not write a blob (disk full, I/O error, no permission). The uncommitted blob is discarded;
 * the caller can tell this apart from a client that went away while sending.
 */
public class BlobStorageException extends IOException {

	public BlobStorageException(String message, Throwable cause) {
		super(message, cause);
	}
}

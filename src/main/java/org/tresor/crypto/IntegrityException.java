package org.tresor.crypto;

import java.io.IOException;

/** The ciphertext was modified: the integrity check at the end of the stream failed. */
public class IntegrityException extends IOException {

	public IntegrityException(String message) {
		super(message);
	}
}

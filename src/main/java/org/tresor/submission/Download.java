package org.tresor.submission;

import java.io.IOException;
import java.io.OutputStream;

/** A file on its way to the browser: written while it is decrypted, never staged anywhere. */
record Download(String fileName, long size, Body body) {

	static final long UNKNOWN_SIZE = -1;

	@FunctionalInterface
	interface Body {

		void writeTo(OutputStream out) throws IOException;
	}
}

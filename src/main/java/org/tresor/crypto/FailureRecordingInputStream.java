package org.tresor.crypto;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Remembers the last exception the underlying body threw, so a storage failure is not reported as
 * tampering: by {@link DecryptingStream}, and by callers of {@link Envelopes#decrypt} that tell a body
 * storage could not read from one that would not open.
 */
public final class FailureRecordingInputStream extends FilterInputStream {

	private IOException failure;

	public FailureRecordingInputStream(InputStream in) {
		super(in);
	}

	@Override
	public int read() throws IOException {
		try {
			return super.read();
		}
		catch (IOException ex) {
			failure = ex;
			throw ex;
		}
	}

	@Override
	public int read(byte[] bytes, int offset, int length) throws IOException {
		try {
			return super.read(bytes, offset, length);
		}
		catch (IOException ex) {
			failure = ex;
			throw ex;
		}
	}

	@Override
	public long skip(long n) throws IOException {
		try {
			return super.skip(n);
		}
		catch (IOException ex) {
			failure = ex;
			throw ex;
		}
	}

	/** Whether {@code exception} is, or was caused by, a failure of the underlying stream. */
	public boolean threw(IOException exception) {
		for (Throwable cause = exception; cause != null && failure != null; cause = cause.getCause()) {
			if (cause == failure) {
				return true;
			}
		}
		return false;
	}
}

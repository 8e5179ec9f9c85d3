package org.tresor.crypto;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPException;

/**
 * The plaintext of a literal data packet. SEIPD v1 can only be checked at the end, so reaching EOF is
 * where the MDC is verified: a reader that sees -1 has read authentic data, anything else ends in an
 * {@link IntegrityException} (and keeps throwing it).
 */
final class DecryptingStream extends InputStream {

	private final InputStream plaintext;

	private final PGPEncryptedData encryptedData;

	private final FailureRecordingInputStream source;

	private boolean verified;

	private IOException failure;

	DecryptingStream(InputStream plaintext, PGPEncryptedData encryptedData, FailureRecordingInputStream source) {
		this.plaintext = plaintext;
		this.encryptedData = encryptedData;
		this.source = source;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		int n = read(one, 0, 1);
		return n < 0 ? -1 : one[0] & 0xFF;
	}

	@Override
	public int read(byte[] bytes, int offset, int length) throws IOException {
		if (failure != null) {
			throw failure;
		}
		if (verified) {
			return -1;
		}
		if (length == 0) {
			return 0;
		}
		try {
			int n = plaintext.read(bytes, offset, length);
			if (n < 0) {
				verify();
			}
			return n;
		}
		catch (IOException | RuntimeException ex) {
			// BouncyCastle reports some malformed packets with unchecked exceptions
			failure = damaged(ex);
			throw failure;
		}
	}

	private void verify() throws IOException {
		boolean intact;
		try {
			intact = encryptedData.verify();
		}
		catch (PGPException ex) {
			intact = false;
		}
		if (!intact) {
			throw new IntegrityException("The integrity check failed: the encrypted data was modified");
		}
		verified = true;
	}

	/** Failures of the storage below are passed on as they are; everything else means damaged ciphertext. */
	private IOException damaged(Exception ex) {
		if (ex instanceof IntegrityException integrity) {
			return integrity;
		}
		if (ex instanceof IOException io && source.threw(io)) {
			return io;
		}
		var damaged = new IntegrityException(ex instanceof EOFException
				? "The encrypted data ends prematurely" : "The encrypted data is damaged");
		damaged.initCause(ex);
		return damaged;
	}

	@Override
	public void close() throws IOException {
		source.close();
	}
}

package org.tresor.crypto.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;

/**
 * The SHA-1 of a SEIPD v1 body's MDC, as BouncyCastle asks for it, but computed by the stream that encrypts
 * or decrypts, on that stream's thread. BouncyCastle tees every byte the MDC covers into the calculator on
 * the caller's thread; the cipher stream sees the same bytes in the same order, so the calculator drops its
 * copy and, when asked, hands out the cipher stream's digest.
 */
final class MdcCalculator implements PGPDigestCalculator {

	/** The digest over every byte the MDC covers; asked for once, after the last of them. */
	@FunctionalInterface
	interface Digest {

		byte[] finish() throws IOException;
	}

	private final Digest digest;

	MdcCalculator(Digest digest) {
		this.digest = digest;
	}

	@Override
	public int getAlgorithm() {
		return HashAlgorithmTags.SHA1;
	}

	@Override
	public OutputStream getOutputStream() {
		return OutputStream.nullOutputStream();
	}

	@Override
	public byte[] getDigest() {
		try {
			return digest.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot finish the MDC", ex);
		}
	}

	@Override
	public void reset() {
		throw new UnsupportedOperationException("The MDC of a body is computed once");
	}
}

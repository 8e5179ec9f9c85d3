package org.tresor.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.Executor;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;

/**
 * The MDC's SHA-1, computed on another thread (through a {@link PipelinedOutputStream}) while the
 * decrypting thread goes on: with AES batched, SHA-1 is the largest cost of a download. {@link #getDigest()}
 * waits for everything written before it.
 */
final class PipelinedDigestCalculator implements PGPDigestCalculator {

	private final MessageDigest sha1;

	private final Executor executor;

	private final int chunkSize;

	private final int chunks;

	private PipelinedOutputStream stream;

	PipelinedDigestCalculator(Executor executor, int chunkSize, int chunks) {
		try {
			this.sha1 = MessageDigest.getInstance("SHA-1");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-1", ex);
		}
		this.executor = executor;
		this.chunkSize = chunkSize;
		this.chunks = chunks;
	}

	@Override
	public int getAlgorithm() {
		return HashAlgorithmTags.SHA1;
	}

	@Override
	public OutputStream getOutputStream() {
		if (stream == null) {
			stream = new PipelinedOutputStream(OutputStream.nullOutputStream(), PipelinedOutputStream.hashing(sha1),
					executor, chunkSize, chunks);
		}
		return stream;
	}

	@Override
	public byte[] getDigest() {
		finish();
		return sha1.digest();
	}

	@Override
	public void reset() {
		finish();
		sha1.reset();
	}

	private void finish() {
		if (stream != null) {
			try {
				stream.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Hashing failed", ex);
			}
			stream = null;
		}
	}
}

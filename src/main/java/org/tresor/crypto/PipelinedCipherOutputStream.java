package org.tresor.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import javax.crypto.Cipher;

/**
 * Encrypts with a stream cipher mode on a second thread while the caller goes on. CFB encryption cannot be
 * split (each block needs the previous ciphertext) and takes as long as everything else an upload does
 * (reading the request, parsing it, the MDC's SHA-1, writing the file) together; so the caller fills one
 * chunk while the executor encrypts the previous one, and writes that chunk's ciphertext when it hands over
 * the next. The cipher only ever runs on one thread at a time, chunk after chunk, in order; {@code out} is
 * only written by the caller. With {@code Runnable::run} as executor, it is a plain cipher stream.
 */
final class PipelinedCipherOutputStream extends OutputStream {

	private final OutputStream out;

	private final Cipher cipher;

	private final Executor executor;

	private byte[] filling;

	private int filled;

	private byte[] ciphertext;

	/** The buffers the chunk in flight reads and writes, free again once it is done. */
	private byte[] spare;

	private byte[] spareCiphertext;

	private CompletableFuture<byte[]> inFlight;

	private int inFlightLength;

	private boolean closed;

	/** {@code chunkSize} must be a multiple of the cipher's block size. */
	PipelinedCipherOutputStream(OutputStream out, Cipher cipher, Executor executor, int chunkSize) {
		if (chunkSize <= 0 || chunkSize % cipher.getBlockSize() != 0) {
			throw new IllegalArgumentException("A chunk must be whole blocks: " + chunkSize);
		}
		this.out = out;
		this.cipher = cipher;
		this.executor = executor;
		this.filling = new byte[chunkSize];
		this.ciphertext = new byte[chunkSize];
		this.spare = new byte[chunkSize];
		this.spareCiphertext = new byte[chunkSize];
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		ensureOpen();
		while (length > 0) {
			int n = Math.min(length, filling.length - filled);
			System.arraycopy(bytes, offset, filling, filled, n);
			filled += n;
			offset += n;
			length -= n;
			if (filled == filling.length) {
				handOver();
			}
		}
	}

	/** Deliberately does not cut a chunk short: whole chunks keep the pipeline busy; close() writes the rest. */
	@Override
	public void flush() {
	}

	/** Writes what is left (the last, partial chunk) and closes {@code out}. */
	@Override
	public void close() throws IOException {
		if (closed) {
			return;
		}
		closed = true;
		try (out) {
			writeInFlight();
			// the JDK holds back a partial last block until doFinal
			int n = cipher.doFinal(filling, 0, filled, ciphertext, 0);
			out.write(ciphertext, 0, n);
		}
		catch (GeneralSecurityException ex) {
			throw new IOException("Encryption failed", ex);
		}
	}

	/** The full chunk goes to the executor; the previous one's ciphertext goes to {@code out}. */
	private void handOver() throws IOException {
		writeInFlight();
		byte[] plaintext = filling;
		byte[] target = ciphertext;
		int length = filled;
		inFlight = CompletableFuture.supplyAsync(() -> encrypt(plaintext, length, target), executor);
		inFlightLength = length;
		filling = spare;
		ciphertext = spareCiphertext;
		spare = plaintext;
		spareCiphertext = target;
		filled = 0;
	}

	/** Waits for the chunk in flight, if any, and writes its ciphertext. */
	private void writeInFlight() throws IOException {
		if (inFlight == null) {
			return;
		}
		byte[] done;
		try {
			done = inFlight.join();
		}
		catch (CompletionException ex) {
			throw new IOException("Encryption failed", ex.getCause());
		}
		finally {
			inFlight = null;
		}
		out.write(done, 0, inFlightLength);
	}

	private byte[] encrypt(byte[] plaintext, int length, byte[] target) {
		try {
			if (cipher.update(plaintext, 0, length, target, 0) != length) {
				throw new IllegalStateException("A stream cipher mode returned a short block");
			}
			return target;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	private void ensureOpen() throws IOException {
		if (closed) {
			throw new IOException("Stream closed");
		}
	}
}

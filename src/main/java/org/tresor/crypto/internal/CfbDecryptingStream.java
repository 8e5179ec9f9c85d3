package org.tresor.crypto.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * The plaintext of a SEIPD v1 body's CFB ciphertext, decrypted by a {@link CfbDecryption} straight into the
 * reader's array. The stream also hashes its plaintext for the MDC, all of it but the last 20 bytes (the
 * MDC's value), right where it decrypts, while the plaintext is in this core's cache: whichever thread reads
 * this stream does both. BouncyCastle compares that digest with the MDC at the end, as it does with its own
 * decryptors.
 */
final class CfbDecryptingStream extends InputStream {

	/** The SHA-1 value at the end of an MDC packet, which the MDC's hash does not cover. */
	private static final int MDC_VALUE_LENGTH = 20;

	private final InputStream ciphertext;

	private final CfbDecryption decryption;

	/** Ciphertext as read, before it is decrypted into the reader's array. */
	private final byte[] buffer;

	/** Plaintext decrypted for {@link #read()}, handed out from {@code position} to {@code limit}. */
	private final byte[] plaintext;

	private final MessageDigest mdc;

	/** The latest plaintext, not hashed yet because it may be the MDC's value. */
	private final byte[] unhashed = new byte[MDC_VALUE_LENGTH];

	private int unhashedLength;

	private int position;

	private int limit;

	private boolean ended;

	/** Reads at most {@code bufferSize} bytes of ciphertext at a time; {@code mdc} is SHA-1. */
	CfbDecryptingStream(InputStream ciphertext, CfbDecryption decryption, int bufferSize, MessageDigest mdc) {
		this.ciphertext = ciphertext;
		this.decryption = decryption;
		this.buffer = new byte[bufferSize];
		this.plaintext = new byte[bufferSize];
		this.mdc = mdc;
	}

	/** The hash of all plaintext but its last 20 bytes: the MDC's digest, once the stream has ended. */
	byte[] mdcDigest() {
		if (!ended) {
			throw new IllegalStateException("The MDC covers the whole plaintext: read it to the end first");
		}
		return mdc.digest();
	}

	@Override
	public int read() throws IOException {
		if (position == limit && !fill()) {
			return -1;
		}
		return plaintext[position++] & 0xFF;
	}

	/**
	 * Hands out what an earlier {@link #read()} left over, or else decrypts straight into {@code bytes}: the
	 * decryption writes the caller's array, so the plaintext is not copied once more.
	 */
	@Override
	public int read(byte[] bytes, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		if (position < limit) {
			int n = Math.min(length, limit - position);
			System.arraycopy(plaintext, position, bytes, offset, n);
			position += n;
			return n;
		}
		return fillInto(bytes, offset, length);
	}

	@Override
	public int available() {
		return limit - position;
	}

	@Override
	public void close() throws IOException {
		try (decryption) {
			ciphertext.close();
		}
	}

	/** Decrypts whatever the next read brings into {@code plaintext}; false at the end of the ciphertext. */
	private boolean fill() throws IOException {
		int n = fillInto(plaintext, 0, plaintext.length);
		if (n < 0) {
			return false;
		}
		position = 0;
		limit = n;
		return true;
	}

	/** Decrypts what the next read brings, at most {@code length} bytes, into {@code target}; -1 at the end. */
	private int fillInto(byte[] target, int offset, int length) throws IOException {
		while (!ended) {
			int n = ciphertext.read(buffer, 0, Math.min(buffer.length, length));
			if (n < 0) {
				ended = true;
				return -1;
			}
			if (n > 0) {
				try {
					decryption.decrypt(buffer, 0, n, target, offset);
				}
				catch (GeneralSecurityException ex) {
					throw new IOException("Cannot decrypt the body", ex);
				}
				hashAllButTheLast20Bytes(target, offset, n);
				return n;
			}
		}
		return -1;
	}

	private void hashAllButTheLast20Bytes(byte[] bytes, int offset, int length) {
		int releasable = unhashedLength + length - MDC_VALUE_LENGTH;
		if (releasable <= 0) {
			System.arraycopy(bytes, offset, unhashed, unhashedLength, length);
			unhashedLength += length;
			return;
		}
		int fromUnhashed = Math.min(releasable, unhashedLength);
		int fromBytes = releasable - fromUnhashed;
		mdc.update(unhashed, 0, fromUnhashed);
		mdc.update(bytes, offset, fromBytes);
		int kept = unhashedLength - fromUnhashed;
		System.arraycopy(unhashed, fromUnhashed, unhashed, 0, kept);
		System.arraycopy(bytes, offset + fromBytes, unhashed, kept, length - fromBytes);
		unhashedLength = MDC_VALUE_LENGTH;
	}
}

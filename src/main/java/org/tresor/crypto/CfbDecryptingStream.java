package org.tresor.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.ShortBufferException;

/**
 * CFB-128 decryption (zero IV, no resynchronisation: what SEIPD v1 uses, RFC 9580 section 5.13.1) with the
 * block cipher calls batched. Decrypting CFB needs only ciphertext: {@code P_i = C_i XOR AES_K(C_{i-1})}, so
 * the keystream for a whole buffer is one {@code AES/ECB} encryption of the buffer shifted by one block,
 * which the JDK runs on the CPU's AES instructions many blocks at a time. The JDK's own CFB mode calls AES
 * once per block and is several times slower. The stream also hashes its plaintext for the MDC, all of it
 * but the last 20 bytes (the MDC's value), right where it decrypts: whichever thread reads this stream does
 * both. BouncyCastle compares that digest with the MDC at the end, as it does with its own decryptors.
 */
final class CfbDecryptingStream extends InputStream {

	static final int BLOCK = 16;

	/** The SHA-1 value at the end of an MDC packet, which the MDC's hash does not cover. */
	private static final int MDC_VALUE_LENGTH = 20;

	/** Eight bytes at a time: the JIT does not vectorise the XOR of a byte loop here. */
	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

	private final InputStream ciphertext;

	private final Cipher ecb;

	/**
	 * {@code buffer[0, BLOCK)} holds the ciphertext block before {@code buffer[BLOCK]} (the IV at first);
	 * {@code buffer[BLOCK, BLOCK + held)} holds ciphertext from a block boundary on, of which the first
	 * {@code delivered} bytes (a carried-over partial block) were already decrypted and returned.
	 */
	private final byte[] buffer;

	/** The keystream of the blocks held. */
	private final byte[] keystream;

	/** Plaintext decrypted for {@link #read()}, handed out from {@code position} to {@code limit}. */
	private final byte[] plaintext;

	private final MessageDigest mdc;

	/** The latest plaintext, not hashed yet because it may be the MDC's value. */
	private final byte[] unhashed = new byte[MDC_VALUE_LENGTH];

	private int unhashedLength;

	private int held;

	private int delivered;

	private int position;

	private int limit;

	private boolean ended;

	/** {@code ecb} must be initialised to encrypt with the session key, without padding; {@code mdc} is SHA-1. */
	CfbDecryptingStream(InputStream ciphertext, Cipher ecb, int bufferSize, MessageDigest mdc) {
		if (bufferSize < BLOCK || bufferSize % BLOCK != 0) {
			throw new IllegalArgumentException("The buffer must hold whole blocks: " + bufferSize);
		}
		this.ciphertext = ciphertext;
		this.ecb = ecb;
		this.buffer = new byte[BLOCK + bufferSize];
		this.keystream = new byte[bufferSize];
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
	 * Hands out what an earlier {@link #read()} left over, or else decrypts straight into {@code bytes}: the XOR
	 * that turns keystream into plaintext writes the caller's array, so the plaintext is not copied once more.
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
		ciphertext.close();
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
			int n = ciphertext.read(buffer, BLOCK + held, Math.min(buffer.length - BLOCK - held, length));
			if (n < 0) {
				ended = true;
				return -1;
			}
			if (n > 0) {
				held += n;
				decryptHeldInto(target, offset);
				return n;
			}
		}
		return -1;
	}

	/** Writes the plaintext of {@code buffer[BLOCK + delivered, BLOCK + held)} to {@code target} from {@code offset}. */
	private void decryptHeldInto(byte[] target, int offset) throws IOException {
		// keystream block b is AES(ciphertext block b - 1): buffer[16b, 16b + 16) for every block begun
		int blocks = (held + BLOCK - 1) / BLOCK;
		try {
			if (ecb.update(buffer, 0, blocks * BLOCK, keystream, 0) != blocks * BLOCK) {
				throw new IOException("The block cipher returned a short keystream");
			}
		}
		catch (ShortBufferException ex) {
			throw new IOException("The keystream buffer is too small", ex);
		}
		int shift = offset - delivered;
		int i = delivered;
		for (; i + 8 <= held; i += 8) {
			LONGS.set(target, shift + i, (long) LONGS.get(keystream, i) ^ (long) LONGS.get(buffer, BLOCK + i));
		}
		for (; i < held; i++) {
			target[shift + i] = (byte) (keystream[i] ^ buffer[BLOCK + i]);
		}
		hashAllButTheLast20Bytes(target, offset, held - delivered);
		// keep the last complete block as the next IV and any partial block for the next round
		int complete = held / BLOCK * BLOCK;
		int partial = held - complete;
		if (complete > 0) {
			System.arraycopy(buffer, complete, buffer, 0, BLOCK);
		}
		System.arraycopy(buffer, BLOCK + complete, buffer, BLOCK, partial);
		held = partial;
		delivered = partial;
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

	/** A {@code AES/ECB/NoPadding} cipher of the bulk provider encrypting with {@code key}. */
	static Cipher keystreamCipher(SecretKey key) throws GeneralSecurityException {
		var cipher = Cipher.getInstance("AES/ECB/NoPadding", BouncyCastle.BULK_PROVIDER);
		cipher.init(Cipher.ENCRYPT_MODE, key);
		return cipher;
	}
}

package org.tresor.crypto.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * CFB-128 decryption by the JDK with the block cipher calls batched. Decrypting CFB needs only ciphertext:
 * {@code P_i = C_i XOR AES_K(C_{i-1})}, so the keystream of a run of whole blocks is one {@code AES/ECB}
 * encryption of the ciphertext shifted by one block, which the JDK runs on the CPU's AES instructions many
 * blocks at a time. The JDK's own CFB mode calls AES once per block and is several times slower.
 */
final class BatchedCfbDecryption implements CfbDecryption {

	/** Eight bytes at a time: the JIT does not vectorise the XOR of a byte loop here. */
	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

	private final Cipher ecb;

	private final byte[] keystream;

	/** The ciphertext block before the current one: the IV at first. */
	private final byte[] previous = new byte[BLOCK];

	/** The ciphertext of the current block, of which {@code used} bytes were decrypted so far. */
	private final byte[] current = new byte[BLOCK];

	/** The keystream of the current block, while {@code used} is not 0. */
	private final byte[] currentKeystream = new byte[BLOCK];

	private int used;

	/** {@code ecb} must encrypt with the session key, without padding; runs of whole blocks go to it in batches. */
	BatchedCfbDecryption(Cipher ecb, int batchSize) {
		if (batchSize < BLOCK || batchSize % BLOCK != 0) {
			throw new IllegalArgumentException("A batch must be whole blocks: " + batchSize);
		}
		this.ecb = ecb;
		this.keystream = new byte[batchSize];
	}

	@Override
	public void decrypt(byte[] ciphertext, int offset, int length, byte[] plaintext, int plaintextOffset)
			throws GeneralSecurityException {
		int end = offset + length;
		int shift = plaintextOffset - offset;
		// the rest of a block begun in an earlier piece
		while (used > 0 && offset < end) {
			current[used] = ciphertext[offset];
			plaintext[shift + offset] = (byte) (ciphertext[offset] ^ currentKeystream[used]);
			offset++;
			if (++used == BLOCK) {
				System.arraycopy(current, 0, previous, 0, BLOCK);
				used = 0;
			}
		}
		while (end - offset >= BLOCK) {
			int run = Math.min((end - offset) / BLOCK * BLOCK, keystream.length);
			// keystream block b is AES(ciphertext block b - 1): the previous block, then this run but its last
			encryptBlocks(previous, 0, BLOCK, 0);
			encryptBlocks(ciphertext, offset, run - BLOCK, BLOCK);
			System.arraycopy(ciphertext, offset + run - BLOCK, previous, 0, BLOCK);
			xor(ciphertext, offset, run, plaintext, shift + offset);
			offset += run;
		}
		if (offset < end) {
			encryptBlocks(previous, 0, BLOCK, 0);
			System.arraycopy(keystream, 0, currentKeystream, 0, BLOCK);
			used = end - offset;
			System.arraycopy(ciphertext, offset, current, 0, used);
			for (int i = 0; i < used; i++) {
				plaintext[shift + offset + i] = (byte) (ciphertext[offset + i] ^ currentKeystream[i]);
			}
		}
	}

	private void encryptBlocks(byte[] input, int offset, int length, int keystreamOffset)
			throws GeneralSecurityException {
		if (length > 0 && ecb.update(input, offset, length, keystream, keystreamOffset) != length) {
			throw new GeneralSecurityException("The block cipher returned a short keystream");
		}
	}

	private void xor(byte[] ciphertext, int offset, int length, byte[] plaintext, int plaintextOffset) {
		int i = 0;
		for (; i + 8 <= length; i += 8) {
			LONGS.set(plaintext, plaintextOffset + i,
					(long) LONGS.get(keystream, i) ^ (long) LONGS.get(ciphertext, offset + i));
		}
		for (; i < length; i++) {
			plaintext[plaintextOffset + i] = (byte) (keystream[i] ^ ciphertext[offset + i]);
		}
	}

	/** A {@code AES/ECB/NoPadding} cipher of the bulk provider encrypting with {@code key}. */
	static Cipher keystreamCipher(SecretKey key) throws GeneralSecurityException {
		var cipher = Cipher.getInstance("AES/ECB/NoPadding", BouncyCastle.BULK_PROVIDER);
		cipher.init(Cipher.ENCRYPT_MODE, key);
		return cipher;
	}
}

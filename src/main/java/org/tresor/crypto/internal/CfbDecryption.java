package org.tresor.crypto.internal;

import java.security.GeneralSecurityException;

/**
 * CFB-128 decryption (zero IV, no resynchronisation: what SEIPD v1 uses, RFC 9580 section 5.13.1) of one
 * stream of ciphertext, handed over in order, in pieces of any length.
 */
interface CfbDecryption extends AutoCloseable {

	int BLOCK = 16;

	/** Decrypts {@code ciphertext[offset, offset + length)} into {@code plaintext} from {@code plaintextOffset}. */
	void decrypt(byte[] ciphertext, int offset, int length, byte[] plaintext, int plaintextOffset)
			throws GeneralSecurityException;

	/** Called once no piece is being decrypted any more and none will be. */
	@Override
	default void close() {
	}
}

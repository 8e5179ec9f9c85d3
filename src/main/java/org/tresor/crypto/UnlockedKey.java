package org.tresor.crypto;

import org.bouncycastle.openpgp.PGPPrivateKey;

/**
 * A user's decryption key, unlocked with the SecuPass for the duration of one request. Other modules
 * only pass it back to {@link Envelopes}; it never leaves the request that created it.
 */
public final class UnlockedKey {

	private final PGPPrivateKey decryptionKey;

	UnlockedKey(PGPPrivateKey decryptionKey) {
		this.decryptionKey = decryptionKey;
	}

	PGPPrivateKey decryptionKey() {
		return decryptionKey;
	}

	@Override
	public String toString() {
		return "UnlockedKey[" + Long.toHexString(decryptionKey.getKeyID()) + "]";
	}
}

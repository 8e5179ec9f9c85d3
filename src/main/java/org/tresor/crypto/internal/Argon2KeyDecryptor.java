package org.tresor.crypto.internal;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.PBESecretKeyDecryptor;
import org.bouncycastle.openpgp.operator.PGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;

/**
 * BouncyCastle's secret-key decryptor, with the Argon2id of {@link Argon2Calculator} (whose memory is pooled)
 * as key derivation; decrypting the key material (AEAD, or CFB for keys of other origin) stays BouncyCastle's.
 */
public final class Argon2KeyDecryptor extends PBESecretKeyDecryptor {

	private final PBESecretKeyDecryptor bouncyCastle;

	public Argon2KeyDecryptor(char[] passphrase, PGPDigestCalculatorProvider digests, Argon2Calculator argon2) {
		super(passphrase, digests, argon2);
		this.bouncyCastle = new BcPBESecretKeyDecryptorBuilder(digests).build(passphrase);
	}

	@Override
	public byte[] recoverKeyData(int encryptionAlgorithm, byte[] key, byte[] iv, byte[] keyData, int keyOffset,
			int keyLength) throws PGPException {
		return bouncyCastle.recoverKeyData(encryptionAlgorithm, key, iv, keyData, keyOffset, keyLength);
	}

	@Override
	public byte[] recoverKeyData(int encryptionAlgorithm, int aeadAlgorithm, byte[] key, byte[] iv, int packetTag,
			int keyVersion, byte[] keyData, byte[] publicKeyData) throws PGPException {
		return bouncyCastle.recoverKeyData(encryptionAlgorithm, aeadAlgorithm, key, iv, packetTag, keyVersion, keyData,
				publicKeyData);
	}
}

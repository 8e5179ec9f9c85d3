package org.tresor.crypto;

import java.io.InputStream;
import java.security.GeneralSecurityException;

import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.bcpg.AEADEncDataPacket;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricEncIntegrityPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSessionKey;
import org.bouncycastle.openpgp.operator.PGPDataDecryptor;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.SessionKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JceSessionKeyDataDecryptorFactoryBuilder;

/**
 * BouncyCastle's JCE session-key decryptor with one change: AES in SEIPD v1 (the MDC-protected packets
 * Tresor and GnuPG write) is decrypted by {@link CfbDecryptingStream}, whose batched AES calls are what
 * lets a download keep up with GnuPG. BouncyCastle still parses the packets and checks the MDC (SHA-1 by
 * the JDK) against what that stream returns; every other case (other ciphers, AEAD packets, data without
 * integrity protection) goes to BouncyCastle's decryptor unchanged.
 */
final class BatchedCfbDecryptorFactory implements SessionKeyDataDecryptorFactory {

	private final SessionKeyDataDecryptorFactory standard;

	private final int bufferSize;

	BatchedCfbDecryptorFactory(PGPSessionKey sessionKey, int bufferSize) {
		this.standard = new JceSessionKeyDataDecryptorFactoryBuilder().setProvider(BouncyCastle.BULK_PROVIDER)
			.build(sessionKey);
		this.bufferSize = bufferSize;
	}

	@Override
	public PGPSessionKey getSessionKey() {
		return standard.getSessionKey();
	}

	@Override
	public PGPDataDecryptor createDataDecryptor(boolean withIntegrityPacket, int algorithm, byte[] key)
			throws PGPException {
		if (!withIntegrityPacket || !isAes(algorithm)) {
			return standard.createDataDecryptor(withIntegrityPacket, algorithm, key);
		}
		try {
			var ecb = CfbDecryptingStream.keystreamCipher(new SecretKeySpec(key, "AES"));
			PGPDigestCalculator sha1 = new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA1);
			return new PGPDataDecryptor() {

				@Override
				public InputStream getInputStream(InputStream in) {
					return new CfbDecryptingStream(in, ecb, bufferSize);
				}

				@Override
				public int getBlockSize() {
					return CfbDecryptingStream.BLOCK;
				}

				@Override
				public PGPDigestCalculator getIntegrityCalculator() {
					return sha1;
				}
			};
		}
		catch (GeneralSecurityException ex) {
			throw new PGPException("Cannot create the AES cipher", ex);
		}
	}

	@Override
	public PGPDataDecryptor createDataDecryptor(AEADEncDataPacket packet, PGPSessionKey sessionKey)
			throws PGPException {
		return standard.createDataDecryptor(packet, sessionKey);
	}

	@Override
	public PGPDataDecryptor createDataDecryptor(SymmetricEncIntegrityPacket packet, PGPSessionKey sessionKey)
			throws PGPException {
		return standard.createDataDecryptor(packet, sessionKey);
	}

	private static boolean isAes(int algorithm) {
		return algorithm == SymmetricKeyAlgorithmTags.AES_128 || algorithm == SymmetricKeyAlgorithmTags.AES_192
				|| algorithm == SymmetricKeyAlgorithmTags.AES_256;
	}
}

package org.tresor.crypto;

import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.Executor;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.PGPDataEncryptor;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;

/**
 * BouncyCastle's JCE data encryptor for AES-256 SEIPD v1 (CFB with a zero IV over prefix and data, MDC by
 * SHA-1), except that the cipher stream is a {@link PipelinedOutputStream}: the same SunJCE
 * {@code AES/CFB/NoPadding} cipher, run on a second thread so that the SHA-1 and everything around it no
 * longer wait for it. BouncyCastle still writes the packets, the prefix and the MDC.
 */
final class PipelinedDataEncryptorBuilder implements PGPDataEncryptorBuilder {

	private static final int ALGORITHM = SymmetricKeyAlgorithmTags.AES_256;

	private final JcePGPDataEncryptorBuilder standard;

	private final Executor executor;

	private final int chunkSize;

	private final int chunks;

	PipelinedDataEncryptorBuilder(SecureRandom random, Executor executor, int chunkSize, int chunks) {
		this.standard = new JcePGPDataEncryptorBuilder(ALGORITHM).setWithIntegrityPacket(true)
			.setSecureRandom(random)
			.setProvider(BouncyCastle.BULK_PROVIDER);
		this.executor = executor;
		this.chunkSize = chunkSize;
		this.chunks = chunks;
	}

	@Override
	public PGPDataEncryptor build(byte[] keyBytes) throws PGPException {
		PGPDigestCalculator sha1 = new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA1);
		Cipher cipher;
		try {
			cipher = Cipher.getInstance("AES/CFB/NoPadding", BouncyCastle.BULK_PROVIDER);
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyBytes, "AES"),
					new IvParameterSpec(new byte[cipher.getBlockSize()]));
		}
		catch (GeneralSecurityException ex) {
			throw new PGPException("Cannot create the AES cipher", ex);
		}
		return new PGPDataEncryptor() {

			@Override
			public OutputStream getOutputStream(OutputStream out) {
				return new PipelinedOutputStream(out, PipelinedOutputStream.encryption(cipher), executor, chunkSize, chunks);
			}

			@Override
			public PGPDigestCalculator getIntegrityCalculator() {
				return sha1;
			}

			@Override
			public int getBlockSize() {
				return cipher.getBlockSize();
			}
		};
	}

	@Override
	public PGPDataEncryptor build(byte[] keyBytes, byte[] iv) throws PGPException {
		return standard.build(keyBytes, iv);
	}

	@Override
	public int getAlgorithm() {
		return standard.getAlgorithm();
	}

	@Override
	public int getAeadAlgorithm() {
		return standard.getAeadAlgorithm();
	}

	@Override
	public int getChunkSize() {
		return standard.getChunkSize();
	}

	@Override
	public boolean isV5StyleAEAD() {
		return standard.isV5StyleAEAD();
	}

	@Override
	public SecureRandom getSecureRandom() {
		return standard.getSecureRandom();
	}

	/** Always SEIPD v1 with an MDC: this builder exists for exactly that. */
	@Override
	public PGPDataEncryptorBuilder setWithIntegrityPacket(boolean withIntegrityPacket) {
		if (!withIntegrityPacket) {
			throw new UnsupportedOperationException("Tresor always writes an MDC");
		}
		return this;
	}

	@Override
	public PGPDataEncryptorBuilder setWithAEAD(int aeadAlgorithm, int chunkSize) {
		throw new UnsupportedOperationException("Tresor writes SEIPD v1, which GnuPG 2.2 reads");
	}

	@Override
	public PGPDataEncryptorBuilder setUseV5AEAD() {
		throw new UnsupportedOperationException("Tresor writes SEIPD v1, which GnuPG 2.2 reads");
	}

	@Override
	public PGPDataEncryptorBuilder setUseV6AEAD() {
		throw new UnsupportedOperationException("Tresor writes SEIPD v1, which GnuPG 2.2 reads");
	}
}

package org.tresor.crypto.internal;

import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.Executor;

import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.PGPDataEncryptor;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;

/**
 * BouncyCastle's JCE data encryptor for AES-256 SEIPD v1 (CFB with a zero IV over prefix and data, MDC by
 * SHA-1), except that the work runs on another thread: the cipher stream is a {@link PipelinedOutputStream}
 * that hashes for the MDC and encrypts by {@link CfbCiphers}, while the writer's thread only parses the
 * upload, copies and writes ciphertext. BouncyCastle still writes the packets, the prefix and the MDC.
 */
public final class PipelinedDataEncryptorBuilder implements PGPDataEncryptorBuilder {

	private static final int ALGORITHM = SymmetricKeyAlgorithmTags.AES_256;

	private static final int BLOCK_SIZE = 16;

	private final JcePGPDataEncryptorBuilder standard;

	private final CfbCiphers ciphers;

	private final Executor executor;

	private final int chunkSize;

	private final int chunks;

	public PipelinedDataEncryptorBuilder(SecureRandom random, CfbCiphers ciphers, Executor executor, int chunkSize,
			int chunks) {
		this.standard = new JcePGPDataEncryptorBuilder(ALGORITHM).setWithIntegrityPacket(true)
			.setSecureRandom(random)
			.setProvider(BouncyCastle.BULK_PROVIDER);
		this.ciphers = ciphers;
		this.executor = executor;
		this.chunkSize = chunkSize;
		this.chunks = chunks;
	}

	@Override
	public PGPDataEncryptor build(byte[] keyBytes) throws PGPException {
		try {
			return new Encryptor(ciphers.encryption(keyBytes, chunkSize), MessageDigest.getInstance("SHA-1"));
		}
		catch (GeneralSecurityException ex) {
			throw new PGPException("Cannot create the AES cipher", ex);
		}
	}

	/**
	 * One SEIPD v1 body. BouncyCastle writes prefix, plaintext and MDC header, asks for the digest and writes
	 * it to the cipher stream alone: the cipher stream hashes what it encrypts until the digest is asked for.
	 */
	private final class Encryptor implements PGPDataEncryptor {

		private final PipelinedOutputStream.Stage encryption;

		private final MessageDigest sha1;

		private PipelinedOutputStream cipherStream;

		Encryptor(PipelinedOutputStream.Stage encryption, MessageDigest sha1) {
			this.encryption = encryption;
			this.sha1 = sha1;
		}

		@Override
		public OutputStream getOutputStream(OutputStream out) {
			cipherStream = new PipelinedOutputStream(out, encryption, sha1, executor, chunkSize, chunks);
			return cipherStream;
		}

		@Override
		public PGPDigestCalculator getIntegrityCalculator() {
			return new MdcCalculator(() -> cipherStream.finishDigest());
		}

		@Override
		public int getBlockSize() {
			return BLOCK_SIZE;
		}
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

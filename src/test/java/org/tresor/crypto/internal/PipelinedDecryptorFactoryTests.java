package org.tresor.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSessionKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tresor.crypto.CryptoProperties.AesEngine;

/** AES with an MDC (SEIPD v1) is decrypted on the read-ahead thread, checked by BouncyCastle with SHA-1. */
class PipelinedDecryptorFactoryTests {

	private static final byte[] KEY = new byte[32];

	private final PipelinedDecryptorFactory factory = new PipelinedDecryptorFactory(
			new PGPSessionKey(SymmetricKeyAlgorithmTags.AES_256, KEY), new CfbCiphers(AesEngine.AUTO, Libgcrypt::load), 1 << 16,
			Runnable::run);

	@ParameterizedTest
	@ValueSource(ints = { SymmetricKeyAlgorithmTags.AES_128, SymmetricKeyAlgorithmTags.AES_192,
			SymmetricKeyAlgorithmTags.AES_256 })
	void decryptsAesWithIntegrityProtectionAheadOfTheReader(int algorithm) throws PGPException {
		var decryptor = factory.createDataDecryptor(true, algorithm, new byte[keyLength(algorithm)]);

		assertThat(decryptor.getInputStream(InputStream.nullInputStream())).isInstanceOf(ReadAheadInputStream.class);
		assertThat(decryptor.getBlockSize()).isEqualTo(16);
		assertThat(decryptor.getIntegrityCalculator().getAlgorithm()).isEqualTo(HashAlgorithmTags.SHA1);
	}

	@Test
	void keepsTheSessionKey() {
		assertThat(factory.getSessionKey().getAlgorithm()).isEqualTo(SymmetricKeyAlgorithmTags.AES_256);
		assertThat(factory.getSessionKey().getKey()).isEqualTo(KEY);
	}

	private static int keyLength(int algorithm) {
		return switch (algorithm) {
			case SymmetricKeyAlgorithmTags.AES_128 -> 16;
			case SymmetricKeyAlgorithmTags.AES_192 -> 24;
			default -> 32;
		};
	}
}

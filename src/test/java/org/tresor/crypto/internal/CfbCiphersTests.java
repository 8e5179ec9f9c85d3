package org.tresor.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tresor.crypto.CryptoProperties.AesEngine;
import org.tresor.crypto.GnuPg;

/** tresor.crypto.aes-engine: libgcrypt where it can, the JDK otherwise or when asked, never a silent downgrade. */
class CfbCiphersTests {

	private static final Libgcrypt.Loaded MISSING = new Libgcrypt.Loaded(Optional.empty(), "libgcrypt is not installed");

	private static final int CHUNK = 4096;

	@Test
	void encryptsWithLibgcryptWhereGnuPgIsInstalled() {
		GnuPg.assumeAvailable();

		assertThat(new CfbCiphers(AesEngine.AUTO, Libgcrypt::load).engine()).startsWith("libgcrypt ");
	}

	@Test
	void fallsBackToTheJdkWithoutLibgcrypt() {
		assertThat(new CfbCiphers(AesEngine.AUTO, () -> MISSING).engine()).isEqualTo("the JDK (SunJCE)");
	}

	@Test
	void neverLoadsLibgcryptWhenTheJdkIsAskedFor() {
		var encryptors = new CfbCiphers(AesEngine.JDK, () -> {
			throw new AssertionError("libgcrypt was loaded");
		});

		assertThat(encryptors.engine()).isEqualTo("the JDK (SunJCE)");
	}

	@Test
	void refusesToStartWhenLibgcryptIsRequiredButMissing() {
		assertThatIllegalStateException().isThrownBy(() -> new CfbCiphers(AesEngine.LIBGCRYPT, () -> MISSING))
			.withMessage("tresor.crypto.aes-engine is libgcrypt, but it cannot be used: libgcrypt is not installed");
	}

	@Test
	void bothEnginesWriteTheSameCiphertext() throws Exception {
		GnuPg.assumeAvailable();
		byte[] key = new byte[32];
		byte[] plaintext = new byte[3 * CHUNK];
		new Random(3).nextBytes(key);
		new Random(4).nextBytes(plaintext);

		assertThat(encrypt(AesEngine.LIBGCRYPT, key, plaintext)).isEqualTo(encrypt(AesEngine.JDK, key, plaintext));
	}

	private static byte[] encrypt(AesEngine engine, byte[] key, byte[] plaintext) throws Exception {
		byte[] ciphertext = new byte[plaintext.length];
		try (var encryption = new CfbCiphers(engine, Libgcrypt::load).encryption(key, CHUNK)) {
			for (int offset = 0; offset < plaintext.length; offset += CHUNK) {
				byte[] output = new byte[CHUNK];
				int n = encryption.process(Arrays.copyOfRange(plaintext, offset, offset + CHUNK), CHUNK, output,
						offset + CHUNK == plaintext.length);
				System.arraycopy(output, 0, ciphertext, offset, n);
			}
		}
		return ciphertext;
	}
}

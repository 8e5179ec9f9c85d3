package org.tresor.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tresor.crypto.CryptoProperties.Engine;

/** tresor.crypto.engine: libgcrypt where it can, Java otherwise or when asked, never a silent downgrade. */
class CryptoEngineTests {

	private static final Libgcrypt.Loaded MISSING = new Libgcrypt.Loaded(Optional.empty(), "libgcrypt is not installed");

	private static final int CHUNK = 4096;

	@Test
	void runsAesAndArgon2WithLibgcryptWhereGnuPgIsInstalled() {
		GnuPg.assumeAvailable();

		var engine = new CryptoEngine(Engine.AUTO, Libgcrypt::load);

		assertThat(engine.aesEngine()).startsWith("libgcrypt ");
		assertThat(engine.argon2Engine()).startsWith("libgcrypt ").endsWith(", lanes in parallel");
	}

	@Test
	void fallsBackToJavaWithoutLibgcrypt() {
		var engine = new CryptoEngine(Engine.AUTO, () -> MISSING);

		assertThat(engine.aesEngine()).isEqualTo("the JDK (SunJCE)");
		assertThat(engine.argon2Engine()).isEqualTo("BouncyCastle, one lane at a time");
	}

	@Test
	void neverLoadsLibgcryptWhenTheJdkIsAskedFor() {
		var engine = new CryptoEngine(Engine.JDK, () -> {
			throw new AssertionError("libgcrypt was loaded");
		});

		assertThat(engine.aesEngine()).isEqualTo("the JDK (SunJCE)");
		assertThat(engine.argon2Engine()).isEqualTo("BouncyCastle, one lane at a time");
	}

	@Test
	void refusesToStartWhenLibgcryptIsRequiredButMissing() {
		assertThatIllegalStateException().isThrownBy(() -> new CryptoEngine(Engine.LIBGCRYPT, () -> MISSING))
			.withMessage("tresor.crypto.engine is libgcrypt, but it cannot be used: libgcrypt is not installed");
	}

	@Test
	void bothEnginesEncryptToTheSameCiphertext() throws Exception {
		GnuPg.assumeAvailable();
		byte[] key = new byte[32];
		byte[] plaintext = new byte[3 * CHUNK];
		new Random(3).nextBytes(key);
		new Random(4).nextBytes(plaintext);

		assertThat(encrypt(Engine.LIBGCRYPT, key, plaintext)).isEqualTo(encrypt(Engine.JDK, key, plaintext));
	}

	private static byte[] encrypt(Engine engine, byte[] key, byte[] plaintext) throws Exception {
		byte[] ciphertext = new byte[plaintext.length];
		try (var encryption = new CfbEncryptors(new CryptoEngine(engine, Libgcrypt::load)).encryption(key, CHUNK)) {
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

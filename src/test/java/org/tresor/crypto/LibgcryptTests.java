package org.tresor.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * libgcrypt's AES-256-CFB writes exactly what the JDK's does, however the plaintext is cut. Wherever GnuPG is
 * installed, libgcrypt is too (GnuPG is built on it), so there the binding must load.
 */
@TestInstance(Lifecycle.PER_CLASS)
class LibgcryptTests {

	private static final int CHUNK = 4096;

	private final Random random = new Random(27);

	private Libgcrypt libgcrypt;

	private final ExecutorService lanes = Executors.newFixedThreadPool(4);

	@AfterAll
	void stopLanes() {
		lanes.shutdownNow();
	}

	@BeforeAll
	void loadWhereGnuPgIs() {
		GnuPg.assumeAvailable();
		Libgcrypt.Loaded loaded = Libgcrypt.load();
		assertThat(loaded.library()).as(loaded.reason()).isPresent();
		libgcrypt = loaded.library().orElseThrow();
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 15, 16, 17, CHUNK - 1, CHUNK, CHUNK + 1, 10 * CHUNK + 7 })
	void encryptsWhatTheJdkEncryptsInChunksOfAnyLength(int size) throws Exception {
		byte[] key = bytes(32);
		byte[] plaintext = bytes(size);
		var ciphertext = new ByteArrayOutputStream();
		byte[] output = new byte[CHUNK];

		try (var encryption = libgcrypt.aes256CfbEncryption(key, CHUNK)) {
			for (int offset = 0; offset < size;) {
				int n = Math.min(size - offset, 1 + random.nextInt(CHUNK));
				byte[] chunk = Arrays.copyOfRange(plaintext, offset, offset + n);
				ciphertext.write(output, 0, encryption.process(chunk, n, output, offset + n == size));
				offset += n;
			}
		}

		assertThat(ciphertext.toByteArray()).isEqualTo(jdkCfb(key).doFinal(plaintext));
	}

	@Test
	void refusesAChunkLargerThanItsBuffer() throws Exception {
		try (var encryption = libgcrypt.aes256CfbEncryption(bytes(32), CHUNK)) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> encryption.process(new byte[CHUNK + 16], CHUNK + 16, new byte[CHUNK + 16], false));
		}
	}

	@Test
	void refusesAKeyThatIsNotAes256() {
		assertThatExceptionOfType(InvalidKeyException.class)
			.isThrownBy(() -> libgcrypt.aes256CfbEncryption(bytes(16), CHUNK))
			.withMessage("AES-256 needs a key of 32 bytes, not 16");
	}

	@Test
	void closesOnceHoweverOftenItIsClosed() throws Exception {
		var encryption = libgcrypt.aes256CfbEncryption(bytes(32), CHUNK);

		encryption.close();
		encryption.close();
	}

	@ParameterizedTest
	@CsvSource({ "1, 8, 1, 32", "3, 64, 4, 32", "2, 1024, 4, 16", "3, 256, 3, 64", "1, 16, 2, 32" })
	void derivesWhatBouncyCastlesArgon2idDerives(int passes, int memoryKiB, int parallelism, int length)
			throws Exception {
		assumeArgon2();
		byte[] passphrase = bytes(1 + random.nextInt(40));
		byte[] salt = bytes(16);

		byte[] derived = libgcrypt.argon2id(passphrase, salt, passes, memoryKiB, parallelism, length, lanes);

		assertThat(derived).isEqualTo(bouncyCastleArgon2id(passphrase, salt, passes, memoryKiB, parallelism, length));
	}

	@Test
	void refusesAnEmptyPassphrase() {
		assumeArgon2();

		assertThatExceptionOfType(GeneralSecurityException.class)
			.isThrownBy(() -> libgcrypt.argon2id(new byte[0], bytes(16), 1, 64, 4, 32, lanes))
			.withMessage("libgcrypt could not start Argon2id: Invalid value");
	}

	@Test
	void runsTheLanesOnTheExecutorItIsGiven() throws Exception {
		assumeArgon2();
		var jobs = new AtomicInteger();

		libgcrypt.argon2id(bytes(8), bytes(16), 2, 64, 4, 32, job -> {
			jobs.incrementAndGet();
			lanes.execute(job);
		});

		// each of the 2 passes has 4 slices, each slice one segment per lane
		assertThat(jobs).hasValue(2 * 4 * 4);
	}

	@Test
	void reportsALaneThatCouldNotRun() {
		assumeArgon2();

		assertThatExceptionOfType(GeneralSecurityException.class)
			.isThrownBy(() -> libgcrypt.argon2id(bytes(8), bytes(16), 1, 64, 4, 32, job -> {
				throw new RejectedExecutionException("shut down");
			}))
			.withMessageStartingWith("libgcrypt could not compute Argon2id");
	}

	@Test
	void namesItsVersion() {
		assertThat(libgcrypt.version()).matches("\\d+\\.\\d+.*");
	}

	private void assumeArgon2() {
		assumeTrue(libgcrypt.hasArgon2(), "libgcrypt " + libgcrypt.version() + " has no Argon2");
	}

	private static byte[] bouncyCastleArgon2id(byte[] passphrase, byte[] salt, int passes, int memoryKiB,
			int parallelism, int length) {
		var generator = new Argon2BytesGenerator();
		generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
			.withSalt(salt)
			.withIterations(passes)
			.withMemoryAsKB(memoryKiB)
			.withParallelism(parallelism)
			.build());
		byte[] derived = new byte[length];
		generator.generateBytes(passphrase, derived);
		return derived;
	}

	private Cipher jdkCfb(byte[] key) throws GeneralSecurityException {
		var cipher = Cipher.getInstance("AES/CFB/NoPadding", "SunJCE");
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
		return cipher;
	}

	private byte[] bytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}
}

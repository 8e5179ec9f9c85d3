package org.tresor.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.tresor.crypto.TestKeys.ALICE;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPS2KCalculator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/** The SecuPass check runs libgcrypt's Argon2id, lanes on the executor, and derives what BouncyCastle does. */
@TestInstance(Lifecycle.PER_CLASS)
class Argon2CalculatorTests {

	private static final S2K S2K_OF_THE_TEST = new S2K(new S2K.Argon2Params(2, 4, 10, new SecureRandom()));

	private final ExecutorService pool = Executors.newFixedThreadPool(4);

	private final AtomicInteger jobs = new AtomicInteger();

	private Argon2Calculator libgcrypt;

	@BeforeAll
	void loadWhereGnuPgIs() {
		GnuPg.assumeAvailable();
		Libgcrypt library = Libgcrypt.load().library().orElseThrow();
		assumeTrue(library.hasArgon2(), "libgcrypt " + library.version() + " has no Argon2");
		libgcrypt = new Argon2Calculator(Optional.of(library), job -> {
			jobs.incrementAndGet();
			pool.execute(job);
		});
	}

	@AfterAll
	void stopPool() {
		pool.shutdownNow();
	}

	@Test
	void derivesWhatBouncyCastleDerivesWithTheLanesOnTheExecutor() throws Exception {
		char[] pass = "Grüße, 秘密 \uD83D\uDD11 7!".toCharArray();
		jobs.set(0);

		byte[] key = libgcrypt.makeKey(pass, S2K_OF_THE_TEST, 32);

		assertThat(key).isEqualTo(new BcPGPS2KCalculator().makeKey(pass, S2K_OF_THE_TEST, 32));
		assertThat(jobs).hasValue(2 * 4 * 4);
	}

	@Test
	void leavesAnEmptyPassphraseToBouncyCastle() throws Exception {
		jobs.set(0);

		byte[] key = libgcrypt.makeKey(new char[0], S2K_OF_THE_TEST, 32);

		assertThat(key).isEqualTo(new BcPGPS2KCalculator().makeKey(new char[0], S2K_OF_THE_TEST, 32));
		assertThat(jobs).hasValue(0);
	}

	@Test
	void unlocksAKeyThroughTheDecryptor() throws Exception {
		var encryptionKey = KeyRings.encryptionKey(KeyRings.parse(ALICE.keyPair().secretKey()));
		jobs.set(0);

		var decryptor = new Argon2KeyDecryptor(ALICE.pass().toCharArray(), new BcPGPDigestCalculatorProvider(), libgcrypt);

		assertThat(encryptionKey.extractPrivateKey(decryptor).getKeyID()).isEqualTo(encryptionKey.getKeyID());
		assertThat(jobs).hasValue(3 * 4 * 4);
	}
}

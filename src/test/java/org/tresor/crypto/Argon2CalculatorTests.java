package org.tresor.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.tresor.crypto.TestKeys.ALICE;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.Block;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.BlockPool;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPS2KCalculator;
import org.junit.jupiter.api.Test;
import org.tresor.crypto.internal.Argon2BlockPool;
import org.tresor.crypto.internal.Argon2Calculator;
import org.tresor.crypto.internal.Argon2KeyDecryptor;

/** The SecuPass check derives what BouncyCastle derives, with its memory drawn from a pool it fills again. */
class Argon2CalculatorTests {

	private static final int LANES = 4;

	private static final int MEMORY_EXPONENT = 10;

	private static final S2K S2K_OF_THE_TEST = new S2K(new S2K.Argon2Params(2, LANES, MEMORY_EXPONENT, new SecureRandom()));

	private static final int BLOCKS = Argon2BytesGenerator.getBlockCount(1 << MEMORY_EXPONENT, LANES);

	private final RecordingPool pool = new RecordingPool(BLOCKS);

	private final Argon2Calculator argon2 = new Argon2Calculator(pool);

	@Test
	void derivesWhatBouncyCastleDerives() throws Exception {
		char[] pass = "Grüße, 秘密 \uD83D\uDD11 7!".toCharArray();

		byte[] key = argon2.makeKey(pass, S2K_OF_THE_TEST, 32);

		assertThat(key).isEqualTo(new BcPGPS2KCalculator().makeKey(pass, S2K_OF_THE_TEST, 32));
	}

	@Test
	void returnsEveryBlockItTookToThePool() throws Exception {
		argon2.makeKey("one".toCharArray(), S2K_OF_THE_TEST, 32);

		assertThat(pool.allocated).hasSize(BLOCKS);
		assertThat(pool.returned).hasSameSizeAs(pool.allocated);
	}

	@Test
	void derivesTheNextKeyInTheBlocksOfThePreviousOne() throws Exception {
		argon2.makeKey("one".toCharArray(), S2K_OF_THE_TEST, 32);
		Set<Block> first = identitySet(pool.allocated);
		pool.allocated.clear();

		byte[] key = argon2.makeKey("two".toCharArray(), S2K_OF_THE_TEST, 32);

		assertThat(pool.allocated).hasSize(first.size()).allMatch(first::contains);
		assertThat(key).isEqualTo(new BcPGPS2KCalculator().makeKey("two".toCharArray(), S2K_OF_THE_TEST, 32));
	}

	@Test
	void refusesAnS2KOfAnotherKind() {
		var iterated = new S2K(HashAlgorithmTags.SHA256, new byte[8], 0x60);

		assertThatExceptionOfType(PGPException.class).isThrownBy(() -> argon2.makeKey("one".toCharArray(), iterated, 32));
	}

	@Test
	void unlocksAKeyThroughTheDecryptor() throws Exception {
		var encryptionKey = KeyRings.encryptionKey(KeyRings.parse(ALICE.keyPair().secretKey()));
		var decryptor = new Argon2KeyDecryptor(ALICE.pass().toCharArray(), new BcPGPDigestCalculatorProvider(),
				new Argon2Calculator(new Argon2BlockPool(Argon2BytesGenerator.getBlockCount(1 << 16, 4))));

		assertThat(encryptionKey.extractPrivateKey(decryptor).getKeyID()).isEqualTo(encryptionKey.getKeyID());
	}

	private static Set<Block> identitySet(List<Block> blocks) {
		Set<Block> set = Collections.newSetFromMap(new IdentityHashMap<>());
		set.addAll(blocks);
		return set;
	}

	/** Tresor's pool, recording what it hands out and gets back. */
	private static final class RecordingPool implements BlockPool {

		final List<Block> allocated = Collections.synchronizedList(new ArrayList<>());

		final List<Block> returned = Collections.synchronizedList(new ArrayList<>());

		private final BlockPool pool;

		RecordingPool(int blocks) {
			this.pool = new Argon2BlockPool(blocks);
		}

		@Override
		public Block allocate() {
			Block block = pool.allocate();
			allocated.add(block);
			return block;
		}

		@Override
		public void deallocate(Block block) {
			returned.add(block);
			pool.deallocate(block);
		}
	}
}

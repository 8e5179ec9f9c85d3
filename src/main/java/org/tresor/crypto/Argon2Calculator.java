package org.tresor.crypto;

import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.PGPS2KCalculator;

/**
 * The Argon2id S2K of RFC 9580 (3.7.1.4), as BouncyCastle's {@code BcPGPS2KCalculator} derives it, but with
 * its memory drawn from one pool that lives as long as the application. A derivation over 64 MiB otherwise
 * allocates 65,536 new blocks, which a small heap then copies through several young collections while they
 * are in use: inside the server that doubled the time of a SecuPass check. BouncyCastle wipes each block
 * before it returns it to the pool, so the pool holds zeros between derivations. A derivation that finds the
 * pool empty (another one runs) allocates its own blocks; the pool keeps at most {@code blocks} of them.
 */
final class Argon2Calculator implements PGPS2KCalculator {

	private final Argon2BytesGenerator.BlockPool pool;

	/** Keeps up to {@code blocks} blocks (of 1 KiB) between derivations. */
	static Argon2Calculator pooling(int blocks) {
		return new Argon2Calculator(new Argon2BytesGenerator.FixedBlockPool(blocks));
	}

	Argon2Calculator(Argon2BytesGenerator.BlockPool pool) {
		this.pool = pool;
	}

	@Override
	public int getType() {
		return S2K.ARGON_2;
	}

	@Override
	public byte[] makeKey(char[] passphrase, S2K s2k, int keyLength) throws PGPException {
		if (s2k.getType() != S2K.ARGON_2) {
			throw new PGPException("Not an Argon2 S2K: " + s2k.getType());
		}
		var parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withSalt(s2k.getIV())
			.withIterations(s2k.getPasses())
			.withParallelism(s2k.getParallelism())
			.withMemoryPowOfTwo(s2k.getMemorySizeExponent())
			.withVersion(Argon2Parameters.ARGON2_VERSION_13)
			.withBlockPool(pool)
			.build();
		var generator = new Argon2BytesGenerator();
		generator.init(parameters);
		byte[] key = new byte[keyLength];
		generator.generateBytes(passphrase, key);
		return key;
	}
}

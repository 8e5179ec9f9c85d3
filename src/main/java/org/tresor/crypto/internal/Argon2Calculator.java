package org.tresor.crypto.internal;

import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.PGPS2KCalculator;

/**
 * The Argon2id S2K of RFC 9580 (3.7.1.4), as BouncyCastle's {@code BcPGPS2KCalculator} derives it, but with
 * its memory drawn from a pool ({@link Argon2BlockPool}) instead of allocated anew for every SecuPass check.
 */
public final class Argon2Calculator implements PGPS2KCalculator {

	private final Argon2BytesGenerator.BlockPool pool;

	public Argon2Calculator(Argon2BytesGenerator.BlockPool pool) {
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

package org.tresor.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.PGPS2KCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPS2KCalculator;
import org.bouncycastle.util.Strings;

/**
 * The Argon2id S2K of RFC 9580 (3.7.1.4), by libgcrypt with the lanes side by side where it has Argon2, by
 * BouncyCastle otherwise. Both derive the same key: the passphrase becomes UTF-8 the way BouncyCastle's
 * does it. libgcrypt refuses an empty passphrase, which BouncyCastle then derives from (and the key stays
 * locked, since no SecuPass is empty).
 */
final class Argon2Calculator implements PGPS2KCalculator {

	private final Optional<Libgcrypt> libgcrypt;

	private final Executor lanes;

	private final PGPS2KCalculator bouncyCastle = new BcPGPS2KCalculator();

	Argon2Calculator(Optional<Libgcrypt> libgcrypt, Executor lanes) {
		this.libgcrypt = libgcrypt;
		this.lanes = lanes;
	}

	@Override
	public int getType() {
		return S2K.ARGON_2;
	}

	@Override
	public byte[] makeKey(char[] passphrase, S2K s2k, int keyLength) throws PGPException {
		if (libgcrypt.isEmpty() || passphrase.length == 0) {
			return bouncyCastle.makeKey(passphrase, s2k, keyLength);
		}
		byte[] utf8 = Strings.toUTF8ByteArray(passphrase);
		try {
			return libgcrypt.get().argon2id(utf8, s2k.getIV(), s2k.getPasses(), 1 << s2k.getMemorySizeExponent(),
					s2k.getParallelism(), keyLength, lanes);
		}
		catch (GeneralSecurityException ex) {
			throw new PGPException("Argon2id failed", ex);
		}
		finally {
			Arrays.fill(utf8, (byte) 0);
		}
	}
}

package org.tresor.crypto;

import java.security.Provider;
import java.security.SecureRandom;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/**
 * The choices shared by key handling and envelopes. BouncyCastle is used as a provider object, never
 * registered in front of the JDK's providers, so bulk AES and SHA keep the JDK's hardware-accelerated
 * implementations.
 */
final class OpenPgp {

	static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

	/** The JDK's own provider: AES-NI for the bulk data. */
	static final String BULK_PROVIDER = "SunJCE";

	static final SecureRandom RANDOM = new SecureRandom();

	static final int BUFFER_SIZE = 1 << 16;

	private OpenPgp() {
	}

	static PGPDigestCalculator digest(int algorithm) {
		try {
			return new BcPGPDigestCalculatorProvider().get(algorithm);
		}
		catch (PGPException e) {
			throw new IllegalStateException("Digest " + algorithm + " is part of BouncyCastle", e);
		}
	}
}

package org.tresor.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyRing;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.util.encoders.Hex;

/** Converts between our key records and BouncyCastle's key rings; the one place that parses keys. */
final class KeyRings {

	private KeyRings() {
	}

	static PGPPublicKeyRing parse(PublicKeyRing key) {
		try {
			return new PGPPublicKeyRing(key.encoded(), new BcKeyFingerprintCalculator());
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Not an OpenPGP certificate", ex);
		}
	}

	static PGPSecretKeyRing parse(ProtectedKey key) {
		try {
			return new PGPSecretKeyRing(key.encoded(), new BcKeyFingerprintCalculator());
		}
		catch (IOException | PGPException ex) {
			throw new IllegalArgumentException("Not an OpenPGP secret key", ex);
		}
	}

	static PublicKeyRing toPublicKeyRing(PGPSecretKeyRing secretKeys) {
		List<PGPPublicKey> keys = new ArrayList<>();
		secretKeys.getPublicKeys().forEachRemaining(keys::add);
		var certificate = new PGPPublicKeyRing(keys);
		try {
			return new PublicKeyRing(certificate.getEncoded(), fingerprint(certificate.getPublicKey()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String fingerprint(PGPPublicKey key) {
		return Hex.toHexString(key.getFingerprint()).toUpperCase(Locale.ROOT);
	}

	/** The subkey that session keys are encrypted to; our keys have exactly one. */
	static PGPPublicKey encryptionKey(PGPKeyRing keys) {
		var iterator = keys.getPublicKeys();
		while (iterator.hasNext()) {
			PGPPublicKey key = iterator.next();
			if (!key.isMasterKey() && key.isEncryptionKey()) {
				return key;
			}
		}
		throw new IllegalArgumentException("The key " + fingerprint(keys.getPublicKey()) + " has no encryption subkey");
	}

	static PGPSecretKey encryptionKey(PGPSecretKeyRing keys) {
		return keys.getSecretKey(encryptionKey((PGPKeyRing) keys).getKeyIdentifier());
	}

	static byte[] armor(PGPKeyRing keys) {
		var armored = new ByteArrayOutputStream();
		// no "Version" header: it tells an attacker which library to look at and helps nobody
		try (ArmoredOutputStream out = ArmoredOutputStream.builder().clearHeaders().build(armored)) {
			keys.encode(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return armored.toByteArray();
	}
}

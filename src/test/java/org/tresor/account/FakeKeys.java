package org.tresor.account;

import static org.mockito.Mockito.mock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.tresor.crypto.Keys;
import org.tresor.crypto.ProtectedKey;
import org.tresor.crypto.PublicKeyRing;
import org.tresor.crypto.SecuPass;
import org.tresor.crypto.UnlockedKey;
import org.tresor.crypto.UserKeyPair;
import org.tresor.crypto.WrongSecuPassException;

/**
 * Stands in for the crypto module's {@link Keys}: no OpenPGP, but it remembers which SecuPass locks a key
 * (as a hash) and refuses any other.
 */
class FakeKeys extends Keys {

	static final String PUBLIC_ARMOR = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n";

	static final String SECRET_ARMOR = "-----BEGIN PGP PRIVATE KEY BLOCK-----\n";

	final AtomicInteger generated = new AtomicInteger();

	@Override
	public UserKeyPair generate(String userId, SecuPass pass) {
		generated.incrementAndGet();
		var fingerprint = sha256(userId).substring(0, 40).toUpperCase();
		var publicKey = new PublicKeyRing(("CERT " + userId).getBytes(StandardCharsets.UTF_8), fingerprint);
		var secretKey = new ProtectedKey((userId + "\n" + sha256(new String(pass.characters())))
			.getBytes(StandardCharsets.UTF_8));
		return new UserKeyPair(publicKey, secretKey);
	}

	@Override
	public UnlockedKey unlock(ProtectedKey key, SecuPass pass) {
		var stored = new String(key.encoded(), StandardCharsets.UTF_8).split("\n");
		if (!stored[1].equals(sha256(new String(pass.characters())))) {
			throw new WrongSecuPassException();
		}
		return mock(UnlockedKey.class);
	}

	@Override
	public byte[] exportSecretKey(ProtectedKey key, SecuPass pass) {
		unlock(key, pass);
		return (SECRET_ARMOR + new String(key.encoded(), StandardCharsets.UTF_8).split("\n")[0])
			.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public byte[] exportPublicKey(PublicKeyRing key) {
		return (PUBLIC_ARMOR + key.fingerprint()).getBytes(StandardCharsets.UTF_8);
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		@Primary
		FakeKeys fakeKeys() {
			return new FakeKeys();
		}
	}
}

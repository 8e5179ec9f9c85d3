package org.tresor.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** A 256-bit random token for a link; only its SHA-256 hash is ever stored. */
record SecretToken(String value) {

	private static final SecureRandom RANDOM = new SecureRandom();

	static SecretToken generate() {
		var bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new SecretToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	String hash() {
		return hashOf(value);
	}

	static String hashOf(String token) {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}
}

package org.tresor.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret part of a setup link: 256 random bits, base64url without padding. The database keeps only
 * its {@link #hash() SHA-256 hash}, so a stolen database does not open any link.
 */
record SetupToken(String value) {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

	SetupToken {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException("not a setup token");
		}
	}

	static SetupToken random() {
		var bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new SetupToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	/** The token in a URL, if it has the right form; anything else can never match a link. */
	static Optional<SetupToken> parse(String value) {
		return value != null && FORMAT.matcher(value).matches() ? Optional.of(new SetupToken(value))
				: Optional.empty();
	}

	/** Lower-case hex SHA-256 of the token's characters. */
	String hash() {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public String toString() {
		return "SetupToken[***]";
	}
}

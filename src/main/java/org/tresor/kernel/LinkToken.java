package org.tresor.kernel;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret part of a mailed link (ticket, set-up): 256 random bits from {@link SecureRandom}, base64url
 * without padding. The database keeps only its {@link #hash() SHA-256 hash}, so a stolen database does
 * not open any link; links are looked up by that hash.
 */
public record LinkToken(String value) {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

	public LinkToken {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException("not a link token");
		}
	}

	public static LinkToken random() {
		var bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new LinkToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	/** The token in a URL, if it has the right form; anything else can never match a link. */
	public static Optional<LinkToken> parse(String value) {
		return value != null && FORMAT.matcher(value).matches() ? Optional.of(new LinkToken(value))
				: Optional.empty();
	}

	/** Lower-case hex SHA-256 of the token's characters. */
	public String hash() {
		// the token is ASCII, so its UTF-8 bytes are its ASCII bytes
		return Sha256.hex(value);
	}

	@Override
	public String toString() {
		return "LinkToken[***]";
	}
}

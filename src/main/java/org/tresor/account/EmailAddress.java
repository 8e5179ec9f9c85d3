package org.tresor.account;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A syntactically valid e-mail address, trimmed and in lower case: a dot-atom local part (at most 64
 * characters), an at sign and a host name; at most 254 characters, no white space, CR, LF or commas, so
 * it can never smuggle a second recipient or a header into a mail. Every module takes addresses as this.
 */
public record EmailAddress(String value) {

	static final int MAX_LENGTH = 254;

	private static final Pattern SYNTAX = Pattern.compile(
			"[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
					+ "@[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

	public EmailAddress {
		if (!isValid(value) || !value.equals(normalise(value))) {
			throw new IllegalArgumentException("not a normalised e-mail address");
		}
	}

	public static EmailAddress of(String input) {
		return new EmailAddress(normalise(input));
	}

	public static boolean isValid(String input) {
		if (input == null) {
			return false;
		}
		var candidate = normalise(input);
		return candidate.length() <= MAX_LENGTH && candidate.indexOf('@') <= 64
				&& SYNTAX.matcher(candidate).matches();
	}

	/** Trims (spaces only, never CR or LF) and lower-cases; no other change. */
	static String normalise(String input) {
		if (input == null) {
			return "";
		}
		int start = 0, end = input.length();
		while (start < end && input.charAt(start) == ' ') {
			start++;
		}
		while (end > start && input.charAt(end - 1) == ' ') {
			end--;
		}
		return input.substring(start, end).toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return value;
	}
}

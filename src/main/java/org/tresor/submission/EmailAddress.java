package org.tresor.submission;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A single mailbox address as people type it: one local part, one domain, nothing that could smuggle a
 * second recipient or a header into a mail.
 */
record EmailAddress(String value) {

	private static final Pattern SHAPE = Pattern
		.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

	EmailAddress {
		if (!isValid(value)) {
			throw new IllegalArgumentException("Not a single e-mail address");
		}
		value = value.toLowerCase(Locale.ROOT);
	}

	static boolean isValid(String candidate) {
		return candidate != null && candidate.length() <= 254 && SHAPE.matcher(candidate).matches()
				&& !candidate.contains("..");
	}
}

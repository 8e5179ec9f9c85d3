package org.tresor.kernel;

import java.security.SecureRandom;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

/** Reference numbers people can read out on the phone: PREFIX-XXXX-XXXX in Crockford's base 32. */
@Component
public class ReferenceNumbers {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private final SecureRandom random = new SecureRandom();

	/** A new reference starting with {@code prefix} that {@code taken} does not know yet. */
	public String next(String prefix, Predicate<String> taken) {
		String reference;
		do {
			reference = generate(prefix);
		}
		while (taken.test(reference));
		return reference;
	}

	private String generate(String prefix) {
		var builder = new StringBuilder(prefix).append('-');
		for (int i = 0; i < 8; i++) {
			if (i == 4) {
				builder.append('-');
			}
			builder.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		return builder.toString();
	}
}

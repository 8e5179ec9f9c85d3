package org.tresor.submission;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/** Reference numbers people can read out on the phone: TR-XXXX-XXXX in Crockford's base 32. */
@Component
class References {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private final SecureRandom random = new SecureRandom();

	private final Submissions submissions;

	References(Submissions submissions) {
		this.submissions = submissions;
	}

	String next() {
		String reference;
		do {
			reference = generate();
		}
		while (submissions.existsByReference(reference));
		return reference;
	}

	private String generate() {
		var builder = new StringBuilder("TR-");
		for (int i = 0; i < 8; i++) {
			if (i == 4) {
				builder.append('-');
			}
			builder.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		return builder.toString();
	}
}

package org.tresor.account;

/**
 * How a chosen SecuPass qualifies: either at least 12 characters mixing upper case, lower case, digits
 * and special characters, or a sentence of at least 20 characters and four words. Anything else is too
 * weak.
 */
public enum SecuPassStrength {

	TOO_WEAK, MIXED, SENTENCE;

	static final int MIXED_MIN_LENGTH = 12;

	static final int SENTENCE_MIN_LENGTH = 20;

	static final int SENTENCE_MIN_WORDS = 4;

	public static final int MAX_LENGTH = 1024;

	public static SecuPassStrength of(CharSequence candidate) {
		if (candidate == null || candidate.length() > MAX_LENGTH) {
			return TOO_WEAK;
		}
		if (candidate.length() >= MIXED_MIN_LENGTH && isMixed(candidate)) {
			return MIXED;
		}
		if (candidate.length() >= SENTENCE_MIN_LENGTH && words(candidate) >= SENTENCE_MIN_WORDS) {
			return SENTENCE;
		}
		return TOO_WEAK;
	}

	public boolean isAcceptable() {
		return this != TOO_WEAK;
	}

	private static boolean isMixed(CharSequence candidate) {
		boolean upper = false, lower = false, digit = false, special = false;
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			if (Character.isUpperCase(c)) {
				upper = true;
			}
			else if (Character.isLowerCase(c)) {
				lower = true;
			}
			else if (Character.isDigit(c)) {
				digit = true;
			}
			else if (!Character.isWhitespace(c) && !Character.isISOControl(c)) {
				special = true;
			}
		}
		return upper && lower && digit && special;
	}

	/** Words: runs of at least two letters or digits, separated by anything else. */
	private static int words(CharSequence candidate) {
		int words = 0, run = 0;
		for (int i = 0; i <= candidate.length(); i++) {
			if (i < candidate.length() && Character.isLetterOrDigit(candidate.charAt(i))) {
				run++;
			}
			else {
				if (run >= 2) {
					words++;
				}
				run = 0;
			}
		}
		return words;
	}
}

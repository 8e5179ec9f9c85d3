package org.tresor.crypto;

import java.util.Arrays;

/**
 * The secret that unlocks a user's private key. Held as characters so it can be wiped after the one
 * request that needs it; never stored, logged or put in a session.
 */
public final class SecuPass implements AutoCloseable {

	private final char[] characters;

	private SecuPass(char[] characters) {
		this.characters = characters;
	}

	public static SecuPass of(String value) {
		return new SecuPass(value == null ? new char[0] : value.toCharArray());
	}

	public char[] characters() {
		return characters;
	}

	public boolean isEmpty() {
		return characters.length == 0;
	}

	@Override
	public void close() {
		Arrays.fill(characters, '\0');
	}

	@Override
	public String toString() {
		return "SecuPass[***]";
	}
}

package org.tresor.account;

/**
 * The account has a second factor already: a new one is not offered to a session that has not passed it. It is
 * removed first, by a session that did.
 */
public class SecondFactorEnrolledException extends RuntimeException {

	SecondFactorEnrolledException() {
		super("a second factor is enrolled already", null, false, false);
	}
}

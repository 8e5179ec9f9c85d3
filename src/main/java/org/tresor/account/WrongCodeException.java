package org.tresor.account;

/** A second-factor code that is not the current one, was used already, or a recovery code that is unknown or used. */
public class WrongCodeException extends RuntimeException {

	WrongCodeException() {
		super("wrong, replayed or used code", null, false, false);
	}
}

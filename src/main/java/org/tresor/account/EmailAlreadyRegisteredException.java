package org.tresor.account;

/** An account with this e-mail address is already set up. */
public class EmailAlreadyRegisteredException extends RuntimeException {

	EmailAlreadyRegisteredException() {
		super("e-mail address already has an account", null, false, false);
	}
}

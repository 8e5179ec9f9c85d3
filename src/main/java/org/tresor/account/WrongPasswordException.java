package org.tresor.account;

/** The current password, typed to confirm a change, is not the account's. */
public class WrongPasswordException extends RuntimeException {

	WrongPasswordException() {
		super("wrong current password");
	}
}

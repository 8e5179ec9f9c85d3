package org.tresor.account;

/** A new SecuPass that is the account's password: one secret would open both the account and the key. */
public class SecuPassLikePasswordException extends RuntimeException {

	SecuPassLikePasswordException() {
		super("the SecuPass must differ from the password", null, false, false);
	}
}

package org.tresor.account;

/** The address belongs to an account an administrator switched off: it receives nothing. */
public class RecipientDisabledException extends RuntimeException {

	private final String email;

	RecipientDisabledException(String email) {
		super("The account of a recipient is disabled");
		this.email = email;
	}

	public String email() {
		return email;
	}
}

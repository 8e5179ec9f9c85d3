package org.tresor.account;

/** The change would leave nobody who can administer Tresor: the last active administrator stays one. */
public class LastAdministratorException extends RuntimeException {

	LastAdministratorException() {
		super("the last active administrator cannot be demoted, disabled or deleted", null, false, false);
	}
}

package org.tresor.account;

import org.springframework.security.authentication.AuthenticationServiceException;

/**
 * More password hashes and checks at once than {@link BoundedPasswordEncoder} runs or queues: try again shortly.
 * An authentication failure of the server's own (like a database that cannot be reached), so that a sign-in
 * whose check never ran reaches the failure handler ({@link SignIns}) instead of escaping as a 500.
 */
class PasswordHashingBusyException extends AuthenticationServiceException {

	PasswordHashingBusyException() {
		super("Too many password checks at once; try again in a moment");
	}

	static boolean isCauseOf(Throwable failure) {
		for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof PasswordHashingBusyException) {
				return true;
			}
		}
		return false;
	}
}

package org.tresor.account;

import java.time.Instant;
import java.util.Set;

/**
 * What each request of a signed-in user is checked against: still enabled, credentials unchanged since, and the
 * roles the account holds now.
 */
record AccountState(boolean enabled, Instant credentialsChangedAt, Set<Role> roles) {

	AccountState {
		roles = Set.copyOf(roles);
	}

	/** As the database keeps it: role names separated by commas. */
	AccountState(boolean enabled, Instant credentialsChangedAt, String roles) {
		this(enabled, credentialsChangedAt, Role.decode(roles));
	}

	/** Whether a session that signed in at {@code signedInAt} (null: unknown) may go on. */
	boolean admits(Instant signedInAt) {
		if (!enabled) {
			return false;
		}
		return credentialsChangedAt == null || signedInAt != null && !signedInAt.isBefore(credentialsChangedAt);
	}
}

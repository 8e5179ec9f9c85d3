package org.tresor.account;

import java.time.Instant;

/** What each request of a signed-in user is checked against: still enabled, credentials unchanged since. */
record AccountState(boolean enabled, Instant credentialsChangedAt) {

	/** Whether a session that signed in at {@code signedInAt} (null: unknown) may go on. */
	boolean admits(Instant signedInAt) {
		if (!enabled) {
			return false;
		}
		return credentialsChangedAt == null || signedInAt != null && !signedInAt.isBefore(credentialsChangedAt);
	}
}

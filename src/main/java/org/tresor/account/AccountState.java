package org.tresor.account;

import java.time.Instant;
import java.util.Set;

/**
 * What each request of a signed-in user is checked against: still enabled, credentials unchanged since, the
 * roles the account holds now, whether it has a second factor, whether administrators require one of staff, and
 * whether it has a key yet (an account made through single sign-on chooses its SecuPass first).
 */
record AccountState(boolean enabled, Instant credentialsChangedAt, Set<Role> roles, boolean secondFactorEnrolled,
		boolean secondFactorRequiredOfStaff, boolean hasKey) {

	AccountState {
		roles = Set.copyOf(roles);
	}

	/** As the database keeps it: role names separated by commas. */
	AccountState(boolean enabled, Instant credentialsChangedAt, String roles, boolean secondFactorEnrolled,
			boolean secondFactorRequiredOfStaff, boolean hasKey) {
		this(enabled, credentialsChangedAt, Role.decode(roles), secondFactorEnrolled, secondFactorRequiredOfStaff,
				hasKey);
	}

	/**
	 * Whether a password sign-in must be followed by a second factor: always once one is enrolled, and for staff and
	 * administrators while administrators require it (who has none is led to enrol).
	 */
	boolean needsSecondFactor() {
		return secondFactorEnrolled
				|| secondFactorRequiredOfStaff && (roles.contains(Role.STAFF) || roles.contains(Role.ADMIN));
	}

	/** Whether a session that signed in at {@code signedInAt} (null: unknown) may go on. */
	boolean admits(Instant signedInAt) {
		if (!enabled) {
			return false;
		}
		return credentialsChangedAt == null || signedInAt != null && !signedInAt.isBefore(credentialsChangedAt);
	}
}

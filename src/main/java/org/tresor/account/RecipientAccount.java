package org.tresor.account;

import java.time.Instant;
import java.util.Optional;

/**
 * A recipient of a delivery as the account module has them ready: set up already, or waiting for set-up
 * with a fresh link. The raw link token exists only here and in the mail that carries it.
 */
public record RecipientAccount(UserSummary user, Optional<SetupInvitation> invitation) {

	public record SetupInvitation(String token, Instant expiresAt) {
	}
}

package org.tresor.account;

import java.time.Instant;
import java.util.Optional;

/**
 * A recipient of a delivery as the account module has them ready: set up already, or waiting for set-up
 * with a new link. The link's token is made when its mail is written ({@link Accounts#freshSetupToken}).
 */
public record RecipientAccount(UserSummary user, Optional<SetupInvitation> invitation) {

	public record SetupInvitation(SetupLinkId link, Instant expiresAt) {
	}
}

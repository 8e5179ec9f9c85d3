package org.tresor.account;

import java.time.Instant;

import org.springframework.modulith.NamedInterface;

/**
 * A user was invited and must set up access at {@code /account/setup/{token}}. Carries no token: the mail gets
 * a fresh one from {@link Accounts#freshSetupToken} when it is written, so no token waits in the event
 * publication registry.
 */
@NamedInterface("events")
public record SetupLinkIssued(UserId user, SetupLinkId link, String email, Instant expiresAt, String languageTag) {
}

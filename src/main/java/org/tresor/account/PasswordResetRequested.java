package org.tresor.account;

import java.time.Instant;

import org.springframework.modulith.NamedInterface;

/**
 * Someone asked for a new password of an account that exists ("Forgot password?"): the account's address is mailed
 * a single-use link to {@code /password-reset/{token}}. Carries no token: the mail gets a fresh one from
 * {@link Accounts#freshSetupToken} when it is written.
 */
@NamedInterface("events")
public record PasswordResetRequested(UserId user, SetupLinkId link, String email, Instant expiresAt,
		String languageTag) {
}

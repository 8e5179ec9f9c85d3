package org.tresor.account;

import java.time.Instant;

import org.springframework.modulith.NamedInterface;

/**
 * A user was invited and must set up access at {@code /account/setup/{token}}. The raw token exists only
 * in this event (kept until the mail is sent) and in the mail; the database stores its hash.
 */
@NamedInterface("events")
public record SetupLinkIssued(UserId user, String email, String token, Instant expiresAt, String languageTag) {
}

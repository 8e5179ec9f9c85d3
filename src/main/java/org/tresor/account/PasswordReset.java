package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/** A user chose a new password through a "Forgot password?" link; every session of the account ended. */
@NamedInterface("events")
public record PasswordReset(UserId user, String email) {
}

package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/** A signed-in user chose a new password; the account's other sessions end. */
@NamedInterface("events")
public record PasswordChanged(UserId user, String email) {
}

package org.tresor.account;

/** A signed-in user chose a new password; the account's other sessions end. */
public record PasswordChanged(UserId user, String email) {
}

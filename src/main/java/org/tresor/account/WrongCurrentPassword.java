package org.tresor.account;

/** A signed-in user gave a wrong current password when changing it; it counts like a wrong password at login. */
public record WrongCurrentPassword(UserId user, String email) {
}

package org.tresor.account;

/** An administrator switched a disabled account on again. */
public record UserEnabled(UserId user, String email, UserId by) {
}

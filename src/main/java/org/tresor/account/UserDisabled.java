package org.tresor.account;

/** An administrator switched an account off: its sessions end at their next request, logins are refused. */
public record UserDisabled(UserId user, String email, UserId by) {
}

package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/** An administrator switched an account off: its sessions end at their next request, logins are refused. */
@NamedInterface("events")
public record UserDisabled(UserId user, String email, UserId by) {
}

package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/** A user's second factor was removed, with its recovery codes; {@code by} is the user or an administrator. */
@NamedInterface("events")
public record SecondFactorRemoved(UserId user, String email, UserId by) {
}

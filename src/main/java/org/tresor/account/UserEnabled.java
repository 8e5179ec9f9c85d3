package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/** An administrator switched a disabled account on again. */
@NamedInterface("events")
public record UserEnabled(UserId user, String email, UserId by) {
}

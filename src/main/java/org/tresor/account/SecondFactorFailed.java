package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/** A wrong or replayed second-factor code, or an unknown or used recovery code, after a correct password. */
@NamedInterface("events")
public record SecondFactorFailed(UserId user, String email) {
}

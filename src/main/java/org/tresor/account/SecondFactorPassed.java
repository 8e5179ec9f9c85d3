package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/** A user proved the second factor after the password, with a TOTP code or with one of the recovery codes. */
@NamedInterface("events")
public record SecondFactorPassed(UserId user, String email, boolean recoveryCode) {
}

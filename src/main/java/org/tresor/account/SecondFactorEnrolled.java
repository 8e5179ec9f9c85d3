package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/** A user enrolled a second factor (TOTP) and got new recovery codes. */
@NamedInterface("events")
public record SecondFactorEnrolled(UserId user, String email) {
}

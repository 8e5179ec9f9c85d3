package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/**
 * A wrong password for an existing account. Attempts for unknown addresses are not recorded: what people type
 * into the address field may be anything, a password included.
 */
@NamedInterface("events")
public record SignInFailed(UserId user, String email) {
}

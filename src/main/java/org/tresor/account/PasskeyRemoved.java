package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/** A user removed one of their passkeys. */
@NamedInterface("events")
public record PasskeyRemoved(UserId user, String email, String label) {
}

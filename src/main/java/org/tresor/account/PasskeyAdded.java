package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/** A user registered a passkey under a label of their choice. */
@NamedInterface("events")
public record PasskeyAdded(UserId user, String email, String label) {
}

package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/** A user locked their key with a new SecuPass; the key itself, and what opens with it, stayed the same. */
@NamedInterface("events")
public record SecuPassChanged(UserId user, String email) {
}

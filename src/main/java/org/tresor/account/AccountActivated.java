package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/** A user finished set-up: password and key (locked by the SecuPass) exist now. */
@NamedInterface("events")
public record AccountActivated(UserId user) {
}

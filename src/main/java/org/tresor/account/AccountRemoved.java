package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/** An external account was removed by retention: it had no pending delivery and was not used for a while. */
@NamedInterface("events")
public record AccountRemoved(UserId user, String email) {
}

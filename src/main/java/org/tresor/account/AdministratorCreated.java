package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/** The first administrator was created through the one-time setup URL. */
@NamedInterface("events")
public record AdministratorCreated(UserId user) {
}

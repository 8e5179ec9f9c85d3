package org.tresor.account;

/** The first administrator was created through the one-time setup URL. */
public record AdministratorCreated(UserId user) {
}

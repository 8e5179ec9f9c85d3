package org.tresor.account;

/** An external account was removed by retention: it had no pending delivery and was not used for a while. */
public record AccountRemoved(UserId user, String email) {
}

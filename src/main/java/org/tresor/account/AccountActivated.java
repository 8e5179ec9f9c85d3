package org.tresor.account;

/** A user finished set-up: password and key (locked by the SecuPass) exist now. */
public record AccountActivated(UserId user) {
}

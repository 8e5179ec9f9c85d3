package org.tresor.account;

/** Someone signed in through the login page (not an HTTP Basic request of a monitoring system). */
public record UserSignedIn(UserId user, String email) {
}

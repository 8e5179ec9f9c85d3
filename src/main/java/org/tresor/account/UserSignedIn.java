package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/** Someone signed in through the login page (not an HTTP Basic request of a monitoring system). */
@NamedInterface("events")
public record UserSignedIn(UserId user, String email) {
}

package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/** Spring Security refused a passkey sign-in from {@code client}; which account it was for is not known. */
@NamedInterface("events")
public record PasskeySignInFailed(String client) {
}

package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/**
 * Someone signed in through the login page (not an HTTP Basic request of a monitoring system), with a password, a
 * passkey or the organisation's single sign-on.
 */
@NamedInterface("events")
public record UserSignedIn(UserId user, String email, Method method) {

	public enum Method {
		PASSWORD, PASSKEY, SINGLE_SIGN_ON
	}
}

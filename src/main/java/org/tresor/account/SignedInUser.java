package org.tresor.account;

/** The principal of an authenticated request; resolve it with {@code @AuthenticationPrincipal}. */
public interface SignedInUser {

	UserId id();

	String email();
}

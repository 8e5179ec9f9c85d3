package org.tresor.account;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/** What the sign-in page needs to know of single sign-on: whether it is on, its name, whether the provider is up. */
@Component
public class SingleSignOn {

	/** Where a sign-in goes to the provider (Spring Security's authorization request endpoint). */
	public static final String AUTHORIZATION_PATH = "/oauth2/authorization/" + SingleSignOnRegistrations.ID;

	/** The reasons for a refusal the sign-in page explains ({@code /login?sso=…}). */
	public static final Set<String> REFUSALS = Set.of(SingleSignOnSignIns.GENERAL_REFUSAL,
			SingleSignOnUsers.UNVERIFIED_EMAIL, SingleSignOnUsers.UNKNOWN_ACCOUNT);

	private final SingleSignOnProperties properties;

	private final SingleSignOnRegistrations registrations;

	SingleSignOn(SingleSignOnProperties properties, SingleSignOnRegistrations registrations) {
		this.properties = properties;
		this.registrations = registrations;
	}

	/** The provider's name for the sign-in button; empty while single sign-on is off. */
	public Optional<String> displayName() {
		return properties.enabled() ? Optional.of(properties.displayName()) : Optional.empty();
	}

	/** Whether the provider answers now (its discovery document, within the timeout). */
	public boolean reachable() {
		return registrations.reachable().isPresent();
	}
}

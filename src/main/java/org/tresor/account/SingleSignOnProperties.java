package org.tresor.account;

import java.net.URI;
import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.tresor.kernel.InvalidSettingException;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Single sign-on for staff and administrators with the organisation's OpenID Connect provider, beside the password
 * form; off while {@code issuerUri} is not set.
 *
 * @param issuerUri the provider's issuer ({@code TRESOR_ACCOUNT_SSO_ISSUER_URI}); its discovery document names the
 * endpoints
 * @param clientId Tresor's client id at the provider
 * @param clientSecret Tresor's client secret at the provider
 * @param emailClaim the ID token claim with the e-mail address; with the default {@code email}, the provider must
 * also say {@code email_verified: true}
 * @param groupsClaim the claim with the person's groups, empty for none
 * @param staffGroup the group (in {@code groupsClaim}) whose members may sign in as staff; empty: everyone the
 * provider vouches for (administrators may always)
 * @param adminGroup the group (in {@code groupsClaim}) whose members are administrators; empty for none
 * @param createAccounts whether someone the provider vouches for who has no account yet gets one, as staff; they
 * choose their SecuPass (and so their key) at the first sign-in
 * @param displayName the name on the sign-in button
 * @param timeout how long Tresor waits for the provider's discovery document before it says the provider is down
 */
@Validated
@ConfigurationProperties("tresor.account.sso")
record SingleSignOnProperties(URI issuerUri, @DefaultValue("") String clientId, @DefaultValue("") String clientSecret,
		@NotBlank @DefaultValue("email") String emailClaim, @NotNull @DefaultValue("") String groupsClaim,
		@NotNull @DefaultValue("") String staffGroup, @NotNull @DefaultValue("") String adminGroup,
		@DefaultValue("false") boolean createAccounts,
		@NotBlank @DefaultValue("Single sign-on") String displayName,
		@NotNull @DurationMin(millis = 100) @DefaultValue("5s") Duration timeout) {

	SingleSignOnProperties {
		if (issuerUri != null) {
			if (!"https".equals(issuerUri.getScheme()) && !"http".equals(issuerUri.getScheme())) {
				throw new InvalidSettingException("tresor.account.sso.issuer-uri",
						"must be the provider's http(s) issuer address, was " + issuerUri);
			}
			if (clientId == null || clientId.isBlank()) {
				throw new InvalidSettingException("tresor.account.sso.client-id", "must be set with single sign-on");
			}
			if (clientSecret == null || clientSecret.isBlank()) {
				throw new InvalidSettingException("tresor.account.sso.client-secret", "must be set with single sign-on");
			}
		}
	}

	boolean enabled() {
		return issuerUri != null;
	}

	/** Whether the e-mail address must be confirmed by the provider's {@code email_verified} claim. */
	boolean standardEmailClaim() {
		return "email".equals(emailClaim);
	}
}

package org.tresor.account;

import java.io.Serial;
import java.util.Map;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * An account signed in through the organisation's OpenID provider: to Tresor the account like after any sign-in,
 * to Spring Security's OpenID client the provider's user, whose ID token ends the provider's session at sign-out.
 */
final class SingleSignOnUser extends AccountUser implements OidcUser {

	@Serial
	private static final long serialVersionUID = 1L;

	private final OidcUser provided;

	SingleSignOnUser(AccountUser account, OidcUser provided) {
		super(account.id(), account.email(), account.roles(), true, null);
		this.provided = provided;
	}

	@Override
	public Map<String, Object> getClaims() {
		return provided.getClaims();
	}

	@Override
	public OidcUserInfo getUserInfo() {
		return provided.getUserInfo();
	}

	@Override
	public OidcIdToken getIdToken() {
		return provided.getIdToken();
	}

	@Override
	public Map<String, Object> getAttributes() {
		return provided.getAttributes();
	}

	/** The account's e-mail address, as everywhere in Tresor. */
	@Override
	public String getName() {
		return email();
	}
}

package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.transaction.support.TransactionOperations;
import org.tresor.protection.ClientAddresses;

/**
 * What each refusal of the OpenID provider's answer leads to. Spring Security's OpenID client finds them (a state it
 * did not issue, a nonce or an ID token of another issuer or audience, an expired token, a provider error); Tresor
 * finds the unverified address, the unknown account and the missing group. Each is audited with its reason; the
 * page explains Tresor's own, and says for every other one that the sign-in did not complete.
 */
class SingleSignOnSignInsTests {

	private final List<Object> published = new ArrayList<>();

	private final ClientAddresses clients = mock(ClientAddresses.class);

	private final SingleSignOnSignIns signIns = new SingleSignOnSignIns(mock(SignIns.class), published::add,
			TransactionOperations.withoutTransaction(), clients);

	@ParameterizedTest
	@CsvSource({ "invalid_state_parameter, failed", "authorization_request_not_found, failed",
			"invalid_nonce, failed", "invalid_id_token, failed", "invalid_token_response, failed",
			"access_denied, failed", "tresor_unverified_email, tresor_unverified_email",
			"tresor_unknown_account, tresor_unknown_account", "tresor_not_in_group, tresor_not_in_group" })
	void sendsEveryRefusalBackToTheSignInPageAndAuditsItsReason(String reason, String shown) throws Exception {
		given(clients.of(any())).willReturn("192.0.2.7");
		var response = new MockHttpServletResponse();

		signIns.onAuthenticationFailure(new MockHttpServletRequest(), response,
				new OAuth2AuthenticationException(new OAuth2Error(reason)));

		assertThat(response.getRedirectedUrl()).isEqualTo("/login?sso=" + shown);
		assertThat(SingleSignOn.REFUSALS).contains(shown);
		assertThat(published).containsExactly(new SingleSignOnRefused(reason, "192.0.2.7"));
	}
}

package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** What a passkey sign-in without a valid ceremony gets: refused, nobody signed in, audited. */
@RecordApplicationEvents
class PasskeySignInIntegrationTests extends AccountIntegrationTestSupport {

	/** base64url of a few bytes: the shape of an assertion, with nothing behind it. */
	private static final String ASSERTION = """
			{"id":"AAECAwQ","rawId":"AAECAwQ","response":{"authenticatorData":"AAECAwQ","clientDataJSON":"AAECAwQ",
			"signature":"AAECAwQ","userHandle":"AAECAwQ"},"credType":"public-key","clientExtensionResults":{},
			"authenticatorAttachment":"platform"}""";

	@Autowired
	ApplicationEvents events;

	@Test
	void anAssertionWithoutAChallengeOfThisSessionIsRefusedAndAudited() throws Exception {
		mvc.perform(post("/login/webauthn").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(ASSERTION))
			.andExpect(status().isUnauthorized())
			.andExpect(unauthenticated());

		assertThat(events.stream(PasskeySignInFailed.class)).hasSize(1);
	}

	@Test
	void anAssertionForAChallengeThatWasIssuedButNotSignedIsRefusedToo() throws Exception {
		var session = mvc.perform(post("/webauthn/authenticate/options").with(csrf()))
			.andExpect(status().isOk())
			.andReturn().getRequest().getSession();

		mvc.perform(post("/login/webauthn").with(csrf()).session((org.springframework.mock.web.MockHttpSession) session)
			.contentType(MediaType.APPLICATION_JSON).content(ASSERTION))
			.andExpect(status().isUnauthorized())
			.andExpect(unauthenticated());

		assertThat(events.stream(PasskeySignInFailed.class)).hasSize(1);
	}
}

package org.tresor.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import org.tresor.RateLimitedIntegrationTest;

/** "Forgot password?" requests are limited per client and per e-mail address, whether or not it has an account. */
class PasswordResetLimitsIntegrationTests extends RateLimitedIntegrationTest {

	@Test
	void refusesRequestsFromOneClientBeyondTheLimitWithTheTimeToWait() throws Exception {
		var client = someAddress();
		for (int i = 0; i < PASSWORD_RESETS_PER_ADDRESS; i++) {
			requestReset(someEmail(), client).andExpect(status().is3xxRedirection());
		}
		requestReset(someEmail(), client).andExpect(status().isTooManyRequests())
			.andExpect(retryAfterAbout(1200));
		requestReset(someEmail(), someAddress()).andExpect(status().is3xxRedirection());
	}

	@Test
	void refusesRequestsForOneAddressFromAnyClientBeyondTheLimit() throws Exception {
		var email = someEmail();
		for (int i = 0; i < PASSWORD_RESETS_PER_EMAIL; i++) {
			requestReset(email, someAddress()).andExpect(status().is3xxRedirection());
		}
		requestReset(email.toUpperCase(), someAddress()).andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		requestReset(someEmail(), someAddress()).andExpect(status().is3xxRedirection());
	}

	private ResultActions requestReset(String email, String client) throws Exception {
		return mvc.perform(post("/forgot-password").with(csrf()).with(from(client)).param("email", email));
	}

	private static String someEmail() {
		return "forgot-" + UUID.randomUUID() + "@example.org";
	}
}

package org.tresor.protection;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tresor.RateLimitedIntegrationTest;

/** Ticket requests are limited per client address and per e-mail address; the client is found as configured. */
class TicketRequestLimitsIntegrationTests extends RateLimitedIntegrationTest {

	@Nested
	class PerClientAddress {

		@Test
		void refusesRequestsBeyondTheLimitWithTheTimeToWait() throws Exception {
			var client = someAddress();
			for (int i = 0; i < TICKETS_PER_ADDRESS; i++) {
				requestTicket(someEmail(), from(client)).andExpect(status().is3xxRedirection());
			}
			requestTicket(someEmail(), from(client)).andExpect(status().isTooManyRequests())
				.andExpect(retryAfterAbout(1200));
			requestTicket(someEmail(), from(someAddress())).andExpect(status().is3xxRedirection());
		}

		@Test
		void countsMalformedAddressesToo() throws Exception {
			var client = someAddress();
			for (int i = 0; i < TICKETS_PER_ADDRESS; i++) {
				requestTicket("not an address " + i, from(client)).andExpect(status().isBadRequest());
			}
			requestTicket(someEmail(), from(client)).andExpect(status().isTooManyRequests());
		}

		@Test
		void givesAnAttemptBackAfterItsShareOfThePeriod() throws Exception {
			var client = someAddress();
			for (int i = 0; i < TICKETS_PER_ADDRESS; i++) {
				requestTicket(someEmail(), from(client)).andExpect(status().is3xxRedirection());
			}
			requestTicket(someEmail(), from(client)).andExpect(status().isTooManyRequests());
			clock.advance(java.time.Duration.ofMinutes(20));
			requestTicket(someEmail(), from(client)).andExpect(status().is3xxRedirection());
			requestTicket(someEmail(), from(client)).andExpect(status().isTooManyRequests());
		}
	}

	@Nested
	class PerEmailAddress {

		@Test
		void refusesRequestsForOneAddressFromAnyClientBeyondTheLimit() throws Exception {
			var email = someEmail();
			for (int i = 0; i < TICKETS_PER_EMAIL; i++) {
				requestTicket(email, from(someAddress())).andExpect(status().is3xxRedirection());
			}
			requestTicket(email.toUpperCase(), from(someAddress())).andExpect(status().isTooManyRequests())
				.andExpect(header().exists("Retry-After"));
			requestTicket(someEmail(), from(someAddress())).andExpect(status().is3xxRedirection());
		}
	}

	@Nested
	class ClientAddress {

		@Test
		void aForwardedForHeaderFromAnUntrustedPeerDoesNotEscapeTheLimit() throws Exception {
			var client = someAddress();
			for (int i = 0; i < TICKETS_PER_ADDRESS; i++) {
				requestTicket(someEmail(), from(client), forwardedFor(someAddress())).andExpect(status().is3xxRedirection());
			}
			requestTicket(someEmail(), from(client), forwardedFor(someAddress())).andExpect(status().isTooManyRequests());
		}

		@Test
		void behindATrustedProxyEachForwardedClientHasItsOwnAllowance() throws Exception {
			var client = someAddress();
			for (int i = 0; i < TICKETS_PER_ADDRESS; i++) {
				requestTicket(someEmail(), forwardedFor(client)).andExpect(status().is3xxRedirection());
			}
			requestTicket(someEmail(), forwardedFor(client)).andExpect(status().isTooManyRequests());
			requestTicket(someEmail(), forwardedFor(someAddress())).andExpect(status().is3xxRedirection());
		}

		@Test
		void entriesTheClientWroteBeforeTheProxysOwnDoNotEscapeTheLimit() throws Exception {
			var client = someAddress();
			for (int i = 0; i <= TICKETS_PER_ADDRESS; i++) {
				// the client sends "X-Forwarded-For: <anything>"; the trusted proxy appends the address it saw
				var result = requestTicket(someEmail(), forwardedFor(someAddress() + ", " + client));
				result.andExpect(i < TICKETS_PER_ADDRESS ? status().is3xxRedirection() : status().isTooManyRequests());
			}
		}
	}

	private ResultActions requestTicket(String email, RequestPostProcessor... client) throws Exception {
		var request = post("/submit/info").param("email", email).with(csrf());
		for (var processor : client) {
			request.with(processor);
		}
		return mvc.perform(request);
	}

	private static RequestPostProcessor forwardedFor(String hops) {
		return request -> {
			request.addHeader("X-Forwarded-For", hops);
			return request;
		};
	}

	private static String someEmail() {
		return "client-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}
}

package org.tresor.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tresor.AtOnce;
import org.tresor.RateLimitedIntegrationTest;

import com.zaxxer.hikari.HikariDataSource;

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
	class UnderABurst {

		static final int BURST = 12, CONNECTIONS = 2;

		@Autowired
		DataSource dataSource;

		/**
		 * More requests at once than the pool has connections: each counts its attempt with one connection at a
		 * time, so none waits for the pool until it gives up (503) and the limit still counts every request.
		 */
		@Test
		void countsEveryRequestOfABurstExactlyWithFewerConnectionsThanRequests() throws Exception {
			var client = someAddress();
			var statuses = withPoolOf(CONNECTIONS, () -> AtOnce.atOnce(BURST,
					() -> requestTicket(someEmail(), from(client)).andReturn().getResponse().getStatus()));
			assertThat(statuses.stream().collect(Collectors.groupingBy(status -> status, Collectors.counting())))
				.as("how many requests got which status")
				.isEqualTo(Map.of(302, (long) TICKETS_PER_ADDRESS, 429, (long) (BURST - TICKETS_PER_ADDRESS)));
		}

		/** Runs {@code work} with the application's pool shrunk to {@code size} connections, then restores it. */
		private <T> T withPoolOf(int size, Callable<T> work) throws Exception {
			var pool = dataSource.unwrap(HikariDataSource.class);
			int maximumPoolSize = pool.getMaximumPoolSize();
			long connectionTimeout = pool.getConnectionTimeout();
			pool.setMaximumPoolSize(size);
			pool.setConnectionTimeout(3000);
			pool.getHikariPoolMXBean().softEvictConnections();
			try {
				return work.call();
			}
			finally {
				pool.setConnectionTimeout(connectionTimeout);
				pool.setMaximumPoolSize(maximumPoolSize);
			}
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

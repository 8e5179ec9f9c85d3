package org.tresor.account;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.tresor.web.UnavailablePage;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets in as many sign-ins at once as the password hashing runs and queues ({@link BoundedPasswordEncoder});
 * the others get the "temporarily unavailable" page (503 with {@code Retry-After}) at once. First in line, ahead
 * of the session store, the rate limits and Spring Security: a burst of sign-ins beyond what the hashing can take
 * costs no database work and no wait, and leaves the connections to everyone else.
 */
class SignInAdmission extends SignInFilter {

	private static final Logger log = LoggerFactory.getLogger(SignInAdmission.class);

	/** About the time the hashing takes to work off a full queue here. */
	static final Duration RETRY_AFTER = Duration.ofSeconds(10);

	private final Semaphore places;

	SignInAdmission(int places) {
		this.places = new Semaphore(places);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!places.tryAcquire()) {
			log.warn("Sign-in answered 503: more sign-ins at once than the password hashing runs or queues");
			UnavailablePage.send(request, response, RETRY_AFTER);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			places.release();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		/** Right after the transfer limits, ahead of Spring Session and Spring Security. */
		static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 11;

		@Bean
		FilterRegistrationBean<SignInAdmission> signInAdmission(AccountProperties properties) {
			var registration = new FilterRegistrationBean<>(new SignInAdmission(
					properties.concurrentPasswordHashes() + properties.maxQueuedPasswordHashes()));
			registration.setOrder(ORDER);
			registration.setDispatcherTypes(DispatcherType.REQUEST);
			return registration;
		}
	}
}

package org.tresor.account;

import java.time.Duration;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.tresor.kernel.Turnstile;
import org.tresor.web.Admission;
import org.tresor.web.RememberedUnavailablePage;


/**
 * Sign-ins pass an {@link Admission}: as many at once as keep the password hashing busy ({@link
 * BoundedPasswordEncoder}), as many more waiting their turn as the hashing queues, the others answered 503 at once.
 * A sign-in does its database work (rate limits, lockouts, the account) only once its turn has come.
 */
@Configuration(proxyBeanMethods = false)
class SignInAdmission {

	/** Right after the transfer limits, ahead of Spring Session and Spring Security. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 11;

	/** About the time the hashing takes to work off a full queue; also the longest wait for a turn. */
	static final Duration RETRY_AFTER = Duration.ofSeconds(10);

	@Bean
	FilterRegistrationBean<Admission> signInAdmissionFilter(AccountProperties properties,
			RememberedUnavailablePage refusal) {
		// two per hash: while one hashes, the next does its database work and waits in the hashing's own queue
		var turnstile = new Turnstile(2 * properties.concurrentPasswordHashes(), properties.maxQueuedPasswordHashes());
		return new Admission("Sign-in", SignInFilter::isSignIn, turnstile, RETRY_AFTER, RETRY_AFTER, refusal)
			.registration("signInAdmission", ORDER);
	}
}

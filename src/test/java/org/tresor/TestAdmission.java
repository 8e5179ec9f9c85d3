package org.tresor;

import java.time.Duration;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.tresor.kernel.Turnstile;
import org.tresor.web.Admission;
import org.tresor.web.RememberedUnavailablePage;


/**
 * An admission first in line for {@link #PATH}, with one place and no queue, which the tests take themselves to
 * see what a refused request gets from the real server. Only in the full-stack tests' application.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestAdmission {

	public static final String PATH = "/test/admission";

	public static final Duration RETRY_AFTER = Duration.ofSeconds(7);

	@Bean
	Turnstile testAdmissionPlaces() {
		return new Turnstile(1, 0);
	}

	@Bean
	FilterRegistrationBean<Admission> testAdmissionFilter(Turnstile testAdmissionPlaces,
			RememberedUnavailablePage refusal) {
		return new Admission("Test request", request -> request.getRequestURI().equals(PATH), testAdmissionPlaces,
				Duration.ZERO, RETRY_AFTER, refusal)
			.registration("testAdmission", Ordered.HIGHEST_PRECEDENCE + 13);
	}
}

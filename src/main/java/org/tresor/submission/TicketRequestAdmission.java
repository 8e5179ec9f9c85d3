package org.tresor.submission;

import java.time.Duration;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.tresor.kernel.Turnstile;
import org.tresor.web.Admission;
import org.tresor.web.RememberedUnavailablePage;


/**
 * Ticket requests pass an {@link Admission}: a few at once, a bounded number more waiting their turn for a bounded
 * time, the others answered 503 at once (measured: 200 at once on two cores, all let in, held every other page for
 * half a second).
 */
@Configuration(proxyBeanMethods = false)
class TicketRequestAdmission {

	/** Right after the sign-in admission, ahead of Spring Session and Spring Security. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 12;

	/** About the time a full queue takes to be worked off, with room to spare. */
	static final Duration RETRY_AFTER = Duration.ofSeconds(10);

	static final RequestMatcher TICKET_REQUEST = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/submit/{slug}");

	@Bean
	FilterRegistrationBean<Admission> ticketRequestAdmissionFilter(SubmissionProperties properties,
			RememberedUnavailablePage refusal) {
		var turnstile = new Turnstile(properties.concurrentTicketRequests(), properties.maxQueuedTicketRequests());
		return new Admission("Ticket request", TICKET_REQUEST::matches, turnstile, properties.maxTicketRequestWait(),
				RETRY_AFTER, refusal)
			.registration("ticketRequestAdmission", ORDER);
	}
}

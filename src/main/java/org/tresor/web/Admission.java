package org.tresor.web;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tresor.kernel.Turnstile;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets one kind of request through a {@link Turnstile}: a few at once, a bounded number more waiting their turn for
 * at most {@code maxWait}, and the others get the "temporarily unavailable" page (503 with {@code Retry-After}) at
 * once. Registered first in line, ahead of the session store, the rate limits and Spring Security: a request does
 * its database work only once its turn has come (a waiting one holds no connection), so a burst runs a few at a time
 * at full speed instead of all at once, each at a sliver of the CPU, which kept every other page waiting for the
 * whole burst.
 */
public class Admission extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(Admission.class);

	private final String kind;

	private final Predicate<HttpServletRequest> admitted;

	private final Turnstile turnstile;

	private final Duration maxWait;

	private final Duration retryAfter;

	private final RememberedUnavailablePage refusal;

	/**
	 * @param kind what the requests are, for the log ("Sign-in")
	 * @param admitted which requests pass the turnstile; all others pass by
	 */
	public Admission(String kind, Predicate<HttpServletRequest> admitted, Turnstile turnstile, Duration maxWait,
			Duration retryAfter, RememberedUnavailablePage refusal) {
		this.kind = kind;
		this.admitted = admitted;
		this.turnstile = turnstile;
		this.maxWait = maxWait;
		this.retryAfter = retryAfter;
		this.refusal = refusal;
	}

	/** Registered as {@code name} at {@code order} among the filters, for requests (not forwards or error pages). */
	public FilterRegistrationBean<Admission> registration(String name, int order) {
		var registration = new FilterRegistrationBean<>(this);
		registration.setName(name);
		registration.setOrder(order);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !admitted.test(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!turnstile.enter(maxWait)) {
			log.warn("{} answered 503: more at once than are handled or wait their turn", kind);
			refusal.send(request, response, retryAfter);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			turnstile.leave();
		}
	}
}

package org.tresor.account;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tresor.protection.ClientAddresses;
import org.tresor.protection.Limit;
import org.tresor.protection.RateLimits;
import org.tresor.protection.TooManyAttemptsException;
import org.tresor.protection.TooManyAttemptsPage;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every credential sent to {@code /actuator/**} in an {@code Authorization} header. Only the scrape token
 * ({@link ScrapeToken}, as {@code Bearer}) is accepted, and only for {@code /actuator/prometheus}; HTTP Basic
 * and every other scheme count as a wrong credential, so a user's password is never checked here and an answer
 * never confirms one. A wrong credential counts towards the client's wrong-password lockout (the one the login
 * form uses) and is audited; while the client is locked out, even the right token gets the 429 answer before
 * it is compared. A scraper's request creates no session.
 */
class MonitoringCredentials extends OncePerRequestFilter {

	/** What the scrape token grants: reading {@code /actuator/prometheus}. */
	static final String SCRAPE = "METRICS_SCRAPE";

	private static final Logger log = LoggerFactory.getLogger(MonitoringCredentials.class);

	private static final RequestMatcher SCRAPE_ENDPOINT = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.GET, "/actuator/prometheus");

	private static final String BEARER = "Bearer ";

	private final ScrapeToken token;

	private final RateLimits limits;

	private final ClientAddresses clients;

	private final TooManyAttemptsPage tooManyAttempts;

	private final ApplicationEventPublisher events;

	MonitoringCredentials(ScrapeToken token, RateLimits limits, ClientAddresses clients,
			TooManyAttemptsPage tooManyAttempts, ApplicationEventPublisher events) {
		this.token = token;
		this.limits = limits;
		this.clients = clients;
		this.tooManyAttempts = tooManyAttempts;
		this.events = events;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getHeader(HttpHeaders.AUTHORIZATION) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var client = clients.of(request);
		try {
			limits.checkNotLocked(Limit.WRONG_PASSWORDS_PER_ADDRESS, client);
			if (!token.matches(bearer(request.getHeader(HttpHeaders.AUTHORIZATION)))) {
				limits.recordFailure(Limit.WRONG_PASSWORDS_PER_ADDRESS, client);
				events.publishEvent(new MonitoringCredentialRefused(client, request.getRequestURI()));
				log.info("Monitoring credential refused for {}", request.getRequestURI());
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
				response.sendError(HttpStatus.UNAUTHORIZED.value());
				return;
			}
		}
		catch (TooManyAttemptsException refusal) {
			tooManyAttempts.send(refusal, request, response);
			return;
		}
		if (!SCRAPE_ENDPOINT.matches(request)) {
			// the right token, but it reads the metrics and nothing else
			response.sendError(HttpStatus.FORBIDDEN.value());
			return;
		}
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
				List.of(new SimpleGrantedAuthority(SCRAPE))));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static String bearer(String header) {
		return header.regionMatches(true, 0, BEARER, 0, BEARER.length()) ? header.substring(BEARER.length()).strip()
				: null;
	}
}

package org.tresor.web;

import java.io.IOException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.tresor.kernel.DatabaseUnavailable;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * While the database cannot be reached, every request answers the 503 page ("temporarily unavailable", in the
 * visitor's language, with {@code Retry-After}), wherever the failure comes from: a controller, the security
 * filter chain (sign-in, the check of the signed-in account) or the session store, which in production is the
 * database itself and writes the session only after the page is done.
 *
 * <p>Ahead of the session repository filter, so that the session store's failures reach it. The page is
 * rendered by a forward to {@code /error}, which the session repository filter does not see: the page of a
 * database outage never waits for the database once more. Every 503 that others sent ({@code sendError}: the
 * database could not be reached, or the password hashing is saturated) gets {@code Retry-After} on its error
 * page. (A forward from within Tomcat's error dispatch loops in Tomcat, so an error page that fails itself
 * answers the bare 503.)
 */
class ServiceUnavailablePage extends HttpFilter {

	/** When to try again: the pool notices a database that is back within seconds. */
	static final Duration RETRY_AFTER = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(ServiceUnavailablePage.class);

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		var errorPage = request.getDispatcherType() == DispatcherType.ERROR;
		if (errorPage && isServiceUnavailable(request)) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
		}
		var tracked = new ErrorTrackingResponse(response);
		try {
			chain.doFilter(request, tracked);
		}
		catch (IOException | ServletException | RuntimeException failure) {
			if (!DatabaseUnavailable.isCauseOf(failure) || response.isCommitted()) {
				throw failure;
			}
			log.warn("Database unavailable, answered 503 to {} {}: {}", request.getMethod(), request.getRequestURI(),
					DatabaseUnavailable.describe(failure));
			if (errorPage) {
				// the error page itself failed (its session could not be read): the status and Retry-After at least
				response.reset();
				response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
				return;
			}
			if (tracked.errorSent) {
				// an error page is on its way (Tomcat's error dispatch, which this filter answers): make it the 503
				response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
				return;
			}
			response.reset();
			UnavailablePage.send(request, response, RETRY_AFTER);
		}
	}

	/** Notes whether someone sent an error already (after which a forward would write into the void). */
	private static final class ErrorTrackingResponse extends HttpServletResponseWrapper {

		private boolean errorSent;

		ErrorTrackingResponse(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void sendError(int status) throws IOException {
			errorSent = true;
			super.sendError(status);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			errorSent = true;
			super.sendError(status, message);
		}
	}

	private static boolean isServiceUnavailable(HttpServletRequest request) {
		return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status
				&& status == HttpStatus.SERVICE_UNAVAILABLE.value();
	}
}

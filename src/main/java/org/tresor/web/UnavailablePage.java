package org.tresor.web;

import java.io.IOException;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The "temporarily unavailable" page (503 with {@code Retry-After}, in the visitor's language) for a filter ahead
 * of the session store that refuses a request: the database is down, or the server is too busy for it. Rendered
 * by a forward to {@code /error}, which the session store does not see, so the refusal itself never waits for
 * the database.
 */
public final class UnavailablePage {

	private static final String ERROR_PAGE = "/error";

	/**
	 * Marks the request as refused on purpose: its page shows no error reference and none is logged (nothing
	 * failed, and the refusing filter logs why), so the page is the same for everyone in one language.
	 */
	static final String REFUSED = UnavailablePage.class.getName() + ".refused";

	private UnavailablePage() {
	}

	public static void send(HttpServletRequest request, HttpServletResponse response, Duration retryAfter)
			throws ServletException, IOException {
		request.setAttribute(REFUSED, Boolean.TRUE);
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.SERVICE_UNAVAILABLE.value());
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
		request.getRequestDispatcher(ERROR_PAGE).forward(request, response);
	}
}

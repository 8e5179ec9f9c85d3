package org.tresor.protection;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The answer to a refused attempt: 429 with {@code Retry-After} and the page {@code error/429}, which says in
 * the reader's language when to try again. Sent through the container's error handling, so filters (the login)
 * and controllers answer alike.
 */
@Component
public class TooManyAttemptsPage {

	/** Request attributes the page reads. */
	static final String RETRY_AT = "retryAt", RETRY_AFTER_MINUTES = "retryAfterMinutes";

	private final Clock clock;

	TooManyAttemptsPage(Clock clock) {
		this.clock = clock;
	}

	public void send(TooManyAttemptsException refusal, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		long seconds = Math.max(1, ceilSeconds(refusal.retryAfter()));
		request.setAttribute(RETRY_AT, clock.instant().plusSeconds(seconds));
		request.setAttribute(RETRY_AFTER_MINUTES, (seconds + 59) / 60);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
	}

	private static long ceilSeconds(Duration duration) {
		return duration.getNano() == 0 ? duration.getSeconds() : duration.getSeconds() + 1;
	}
}

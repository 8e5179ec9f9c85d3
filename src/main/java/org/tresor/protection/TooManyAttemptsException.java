package org.tresor.protection;

import java.time.Duration;

/** A rate limit or lockout is used up; {@link #retryAfter()} says when the next attempt is allowed. */
public class TooManyAttemptsException extends RuntimeException {

	private final Limit limit;

	private final Duration retryAfter;

	TooManyAttemptsException(Limit limit, Duration retryAfter) {
		super("Too many attempts (" + limit + "), retry after " + retryAfter);
		this.limit = limit;
		this.retryAfter = retryAfter;
	}

	public Limit limit() {
		return limit;
	}

	public Duration retryAfter() {
		return retryAfter;
	}
}

package org.tresor.protection;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A limit used up anywhere in a controller or the services it calls: the 429 page. */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TooManyAttemptsAdvice {

	private final TooManyAttemptsPage page;

	TooManyAttemptsAdvice(TooManyAttemptsPage page) {
		this.page = page;
	}

	@ExceptionHandler(TooManyAttemptsException.class)
	void tooManyAttempts(TooManyAttemptsException refusal, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		page.send(refusal, request, response);
	}
}

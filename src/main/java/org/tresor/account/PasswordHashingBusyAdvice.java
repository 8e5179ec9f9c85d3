package org.tresor.account;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A set-up or password change that found every password-hashing slot and the queue taken: the "temporarily
 * unavailable" page (503 with {@code Retry-After}), nothing changed; sending the form again works.
 */
@ControllerAdvice
class PasswordHashingBusyAdvice {

	private static final Logger log = LoggerFactory.getLogger(PasswordHashingBusyAdvice.class);

	@ExceptionHandler(PasswordHashingBusyException.class)
	void busy(HttpServletResponse response) throws IOException {
		log.warn("Answered 503: more password hashes at once than run or wait");
		response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
	}
}

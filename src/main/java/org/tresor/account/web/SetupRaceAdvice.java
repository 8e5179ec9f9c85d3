package org.tresor.account.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Two requests racing for one setup link: the link's version (or the unique e-mail) lets only one win.
 * The other sees what every used link shows, the 404 page. Ahead of the general advice for data access
 * exceptions, which would pass the lost race on as a 500.
 */
@ControllerAdvice(assignableTypes = { FirstAdministratorController.class, AccountSetupController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class SetupRaceAdvice {

	@ExceptionHandler({ OptimisticLockingFailureException.class, DataIntegrityViolationException.class })
	void lostRace(HttpServletResponse response) throws IOException {
		// the same way as every unusable link, so the error page gets its whole model
		response.sendError(HttpStatus.NOT_FOUND.value());
	}
}

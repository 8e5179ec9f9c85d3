package org.tresor.account;

import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Two requests racing for one setup link: the link's version (or the unique e-mail) lets only one win.
 * The other sees what every used link shows, the 404 page.
 */
@ControllerAdvice(assignableTypes = { FirstAdministratorController.class, AccountSetupController.class })
class SetupRaceAdvice {

	@ExceptionHandler({ OptimisticLockingFailureException.class, DataIntegrityViolationException.class })
	ModelAndView lostRace() {
		return new ModelAndView("error", Map.of("status", HttpStatus.NOT_FOUND.value()), HttpStatus.NOT_FOUND);
	}
}

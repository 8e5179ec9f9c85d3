package org.tresor.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.tresor.kernel.DatabaseUnavailable;

import jakarta.servlet.http.HttpServletResponse;

/**
 * While the database is down, every page that needs it answers 503 with the error page's "temporarily
 * unavailable" text in the visitor's language, instead of a 500. Nothing was written: each request's work is
 * one transaction. Once the database is back, the connection pool opens new connections by itself. Last in
 * line, so a module's own advice for a data access exception (a lost race, say) still comes first.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class DatabaseUnavailableAdvice {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableAdvice.class);

	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	void handle(RuntimeException failure, HttpServletResponse response) throws Exception {
		if (!DatabaseUnavailable.isCauseOf(failure) || response.isCommitted()) {
			throw failure;
		}
		log.warn("Database unavailable, answered 503: {}", DatabaseUnavailable.describe(failure));
		response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
	}
}

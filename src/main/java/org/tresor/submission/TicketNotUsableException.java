package org.tresor.submission;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Unknown, expired and used tickets look the same from outside: a 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class TicketNotUsableException extends RuntimeException {

	TicketNotUsableException() {
		super("The ticket is unknown, expired or already used");
	}
}

package org.tresor.delivery;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Missing, or not the user's: the same 404 either way. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class DeliveryNotFoundException extends RuntimeException {

	DeliveryNotFoundException() {
		super("No such delivery for this user");
	}
}

package org.tresor.parcel;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The user holds no key packet for the part: to them it does not exist. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class PartNotReadableException extends RuntimeException {

	PartNotReadableException() {
		super("No key packet for this user");
	}
}

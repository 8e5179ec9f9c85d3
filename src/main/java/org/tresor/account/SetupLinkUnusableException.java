package org.tresor.account;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Unknown, expired or used link: the caller sees the same 404 page in every case. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class SetupLinkUnusableException extends RuntimeException {

	public SetupLinkUnusableException() {
		super("setup link unknown, expired or used", null, false, false);
	}
}

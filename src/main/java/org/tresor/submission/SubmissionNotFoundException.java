package org.tresor.submission;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class SubmissionNotFoundException extends RuntimeException {

	SubmissionNotFoundException() {
		super("No such submission for this user");
	}
}

package org.tresor.submission;

import org.springframework.http.HttpStatus;

/** The submission cannot be accepted as sent; nothing of it was kept and the ticket is still valid. */
class SubmissionRejectedException extends RuntimeException {

	enum Reason {
		BOX_NOT_READY(HttpStatus.SERVICE_UNAVAILABLE);

		private final HttpStatus status;

		Reason(HttpStatus status) {
			this.status = status;
		}

		HttpStatus status() {
			return status;
		}

		String messageKey() {
			return "submit.error." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}
	}

	private final Reason reason;

	SubmissionRejectedException(Reason reason) {
		super("Submission rejected: " + reason);
		this.reason = reason;
	}

	SubmissionRejectedException(Reason reason, Throwable cause) {
		super("Submission rejected: " + reason, cause);
		this.reason = reason;
	}

	Reason reason() {
		return reason;
	}
}

package org.tresor.submission;

import java.util.Set;

import org.springframework.http.HttpStatus;
import org.tresor.parcel.ParcelIntake;

/** The submission cannot be accepted as sent; nothing of it was kept and the ticket is still valid. */
class SubmissionRejectedException extends RuntimeException {

	enum Reason {
		BOX_NOT_READY(HttpStatus.SERVICE_UNAVAILABLE),
		MESSAGE_INVALID(HttpStatus.BAD_REQUEST, ParcelIntake.MESSAGE_FIELD);

		private final HttpStatus status;

		private final Set<String> fields;

		Reason(HttpStatus status, String... fields) {
			this.status = status;
			this.fields = Set.of(fields);
		}

		/** The form fields the refusal is about, so the page can link its message to them. */
		Set<String> fields() {
			return fields;
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

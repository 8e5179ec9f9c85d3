package org.tresor.parcel;

import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpStatus;

/** The form cannot be accepted as sent; nothing of it was kept. */
public class ParcelRejectedException extends RuntimeException {

	public enum Reason {
		EMPTY(HttpStatus.BAD_REQUEST),
		NOT_A_FORM(HttpStatus.BAD_REQUEST),
		FIELD_TOO_LONG(HttpStatus.CONTENT_TOO_LARGE),
		MESSAGE_TOO_LONG(HttpStatus.CONTENT_TOO_LARGE),
		FILE_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
		TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
		TOO_MANY_FILES(HttpStatus.CONTENT_TOO_LARGE),
		/** Storage could not write (disk full, say): nothing was kept, trying again later may work. */
		STORAGE_FAILED(HttpStatus.SERVICE_UNAVAILABLE);

		private final HttpStatus status;

		Reason(HttpStatus status) {
			this.status = status;
		}

		public HttpStatus status() {
			return status;
		}

		/** The form fields the refusal is about, so the page can link its message to them. */
		public Set<String> fields() {
			return switch (this) {
				case MESSAGE_TOO_LONG -> Set.of(ParcelIntake.MESSAGE_FIELD);
				case FILE_TOO_LARGE, TOO_LARGE, TOO_MANY_FILES -> Set.of(ParcelIntake.FILES_FIELD);
				case EMPTY -> Set.of(ParcelIntake.MESSAGE_FIELD, ParcelIntake.FILES_FIELD);
				case NOT_A_FORM, FIELD_TOO_LONG, STORAGE_FAILED -> Set.of();
			};
		}

		/** The message key below {@code prefix}, e.g. {@code submit.error.too-large}. */
		public String messageKey(String prefix) {
			return prefix + name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
	}

	private final Reason reason;

	ParcelRejectedException(Reason reason) {
		super("Form rejected: " + reason);
		this.reason = reason;
	}

	ParcelRejectedException(Reason reason, Throwable cause) {
		super("Form rejected: " + reason, cause);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}
}

package org.tresor.parcel;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
		STORAGE_FAILED(HttpStatus.SERVICE_UNAVAILABLE),
		/** The malware scanner found something in a file (arguments: the file's name, the finding). */
		INFECTED(HttpStatus.UNPROCESSABLE_CONTENT),
		/** Scanning is on, but a file could not be scanned (argument: its name); trying again later may work. */
		NOT_SCANNED(HttpStatus.SERVICE_UNAVAILABLE);

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
				case FILE_TOO_LARGE, TOO_LARGE, TOO_MANY_FILES, INFECTED, NOT_SCANNED -> Set.of(ParcelIntake.FILES_FIELD);
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

	private final List<String> messageArguments;

	ParcelRejectedException(Reason reason) {
		this(reason, List.of());
	}

	ParcelRejectedException(Reason reason, Throwable cause) {
		super("Form rejected: " + reason, cause);
		this.reason = reason;
		this.messageArguments = List.of();
	}

	/** The arguments are shown to the sender only; the message of the exception leaves them out. */
	ParcelRejectedException(Reason reason, List<String> messageArguments) {
		super("Form rejected: " + reason);
		this.reason = reason;
		this.messageArguments = List.copyOf(messageArguments);
	}

	public Reason reason() {
		return reason;
	}

	/** What the scanner found, when the reason is {@link Reason#INFECTED}; else empty. */
	public Optional<String> finding() {
		return reason == Reason.INFECTED ? Optional.of(messageArguments.get(1)) : Optional.empty();
	}

	/** What the page's message names, in order ({@link Reason#INFECTED}: the file's name and the finding). */
	public Object[] messageArguments() {
		return messageArguments.toArray();
	}
}

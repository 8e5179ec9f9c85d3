package org.tresor.submission;

import java.util.Map;

import org.tresor.parcel.ParcelIntake;

import jakarta.validation.constraints.Pattern;

/**
 * The text field of the submit form as typed, validated once it is read and before any file is accepted. Its
 * length is parcel's to bound while it streams in ({@code tresor.submission.max-message-length}): the text is
 * never held whole before that limit holds.
 *
 * @param message what staff read as the submission's message: text with line breaks and tabs, nothing a
 * terminal or a mail client would act on
 */
record SubmissionForm(
		@Pattern(regexp = "[\\P{Cc}\\t\\n\\r]*", message = "submit.error.message-invalid") String message) {

	static SubmissionForm of(Map<String, String> fields) {
		return new SubmissionForm(fields.getOrDefault(ParcelIntake.MESSAGE_FIELD, ""));
	}
}

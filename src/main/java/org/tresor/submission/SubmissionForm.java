package org.tresor.submission;

import java.util.Map;

import org.tresor.parcel.ParcelIntake;
import org.tresor.parcel.PlainText;

/**
 * The text field of the submit form as typed, validated once it is read and before any file is accepted. Its
 * length is parcel's to bound while it streams in ({@code tresor.submission.max-message-length}): the text is
 * never held whole before that limit holds.
 *
 * @param message what staff read as the submission's message
 */
record SubmissionForm(@PlainText(message = "submit.error.message-invalid") String message) {

	static SubmissionForm of(Map<String, String> fields) {
		return new SubmissionForm(fields.getOrDefault(ParcelIntake.MESSAGE_FIELD, ""));
	}
}

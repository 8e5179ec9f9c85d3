package org.tresor.submission;

import java.util.UUID;

public record SubmissionId(UUID value) {

	public static SubmissionId random() {
		return new SubmissionId(UUID.randomUUID());
	}
}

package org.tresor.submission;

/** A submission reached the end of its retention period and was deleted with its ciphertext. */
public record SubmissionExpired(SubmissionId id, String reference) {
}

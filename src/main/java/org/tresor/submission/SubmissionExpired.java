package org.tresor.submission;

import org.springframework.modulith.NamedInterface;

/** A submission reached the end of its retention period and was deleted with its ciphertext. */
@NamedInterface("events")
public record SubmissionExpired(SubmissionId id, String reference) {
}

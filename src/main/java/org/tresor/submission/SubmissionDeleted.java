package org.tresor.submission;

import org.springframework.modulith.NamedInterface;
import org.tresor.account.UserId;

/** A submission and its ciphertext were deleted. */
@NamedInterface("events")
public record SubmissionDeleted(SubmissionId id, String reference, UserId by) {
}

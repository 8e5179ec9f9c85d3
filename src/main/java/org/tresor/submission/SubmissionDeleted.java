package org.tresor.submission;

import org.tresor.account.UserId;

/** A submission and its ciphertext were deleted. */
public record SubmissionDeleted(SubmissionId id, String reference, UserId by) {
}

package org.tresor.submission;

import org.springframework.modulith.NamedInterface;
import org.tresor.account.UserId;

/** A staff member decrypted a submission (read its text or downloaded a file). */
@NamedInterface("events")
public record SubmissionOpened(SubmissionId id, String reference, UserId by) {
}

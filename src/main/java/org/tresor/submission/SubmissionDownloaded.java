package org.tresor.submission;

import org.springframework.modulith.NamedInterface;
import org.tresor.account.UserId;

/** A staff member started the decrypted download of one file or of all files as a ZIP. */
@NamedInterface("events")
public record SubmissionDownloaded(SubmissionId id, String reference, UserId by) {
}

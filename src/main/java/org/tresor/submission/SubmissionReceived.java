package org.tresor.submission;

import java.time.Instant;
import java.util.List;

import org.springframework.modulith.NamedInterface;
import org.tresor.account.UserId;

/** A submission was stored encrypted. Carries no content: only who must be told and the reference. */
@NamedInterface("events")
public record SubmissionReceived(SubmissionId id, String reference, String boxName, String senderEmail,
		Instant receivedAt, int fileCount, List<UserId> members, String senderLanguageTag) {
}

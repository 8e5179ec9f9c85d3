package org.tresor.submission;

import org.springframework.modulith.NamedInterface;

/** A submission was kept although the malware scanner could not look at a file of it (accept-unscanned). */
@NamedInterface("events")
public record SubmissionNotScanned(String reference, String boxName, String senderEmail) {
}

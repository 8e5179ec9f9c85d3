package org.tresor.submission;

import java.time.Instant;

import org.springframework.modulith.NamedInterface;

/**
 * Someone asked for a ticket to submit to a box. The raw token exists only in this event (kept until the
 * mail is sent) and in the mail; the database stores its hash.
 */
@NamedInterface("events")
public record TicketIssued(String email, String token, String boxName, Instant expiresAt, String languageTag) {
}

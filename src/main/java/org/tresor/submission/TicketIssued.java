package org.tresor.submission;

import java.time.Instant;

import org.springframework.modulith.NamedInterface;

/**
 * Someone asked for a ticket to submit to a box. Carries no token: the mail gets a fresh one from
 * {@link TicketLinks#freshToken} when it is written, so no token waits in the event publication registry.
 */
@NamedInterface("events")
public record TicketIssued(TicketId ticket, String email, String boxName, Instant expiresAt, String languageTag) {
}

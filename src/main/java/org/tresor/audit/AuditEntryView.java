package org.tresor.audit;

import java.time.Instant;

/**
 * One line of the audit log.
 *
 * @param actor who did it: an e-mail address, or {@code system}
 * @param action what happened, one of {@code SUBMISSION_RECEIVED}, {@code SUBMISSION_OPENED},
 * {@code SUBMISSION_DELETED}, {@code ADMINISTRATOR_CREATED}, {@code SETUP_LINK_ISSUED},
 * {@code ACCOUNT_ACTIVATED}, {@code SUBMISSION_EXPIRED}, {@code ACCOUNT_REMOVED}
 * @param subject what it happened to, e.g. {@code submission 7Q2-…} or {@code user alice@example.org}
 */
public record AuditEntryView(Instant occurredAt, String actor, String action, String subject) {
}

package org.tresor.audit;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.Immutable;
import org.springframework.data.domain.Persistable;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/** Who did what to what, and when. Append-only: written once, never changed; never content or secrets. */
@Entity
@Immutable
@Table(name = "audit_entries")
class AuditEntry implements Persistable<UUID> {

	static final int MAX_ACTOR = 254;

	static final int MAX_SUBJECT = 200;

	@Id
	private UUID id;

	private Instant occurredAt;

	private String actor;

	private String action;

	private String subject;

	/** Set for an entry made here: saving it is a plain insert, without reading for its id first. */
	@Transient
	private boolean fresh;

	protected AuditEntry() {
	}

	AuditEntry(Instant occurredAt, String actor, AuditAction action, String subject) {
		this.id = UUID.randomUUID();
		this.occurredAt = occurredAt;
		this.actor = cut(actor, MAX_ACTOR);
		this.action = action.name();
		this.subject = cut(subject, MAX_SUBJECT);
		this.fresh = true;
	}

	@Override
	public UUID getId() {
		return id;
	}

	@Override
	public boolean isNew() {
		return fresh;
	}

	private static String cut(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length);
	}

	AuditEntryView toView() {
		return new AuditEntryView(occurredAt, actor, action, subject);
	}
}

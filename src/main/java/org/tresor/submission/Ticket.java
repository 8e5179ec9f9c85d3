package org.tresor.submission;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.tresor.kernel.LinkToken;

/**
 * Permission to submit once to one box, sent by mail as a link; only the token's hash is stored. The token is
 * made when the mail is written ({@link TicketLinks}); until then the hash is one of a token nobody knows.
 */
@Entity
@Table(name = "tickets")
class Ticket {

	@Id
	private UUID id;

	private String tokenHash;

	private UUID boxId;

	private String email;

	private Instant createdAt;

	private Instant expiresAt;

	private Instant consumedAt;

	/** Null until the first insert: Spring Data then persists a new ticket instead of reading for it first. */
	@Version
	private Long version;

	protected Ticket() {
	}

	Ticket(String tokenHash, UUID boxId, String email, Instant now, Instant expiresAt) {
		this.id = UUID.randomUUID();
		this.tokenHash = tokenHash;
		this.boxId = boxId;
		this.email = email;
		this.createdAt = now;
		this.expiresAt = expiresAt;
	}

	boolean isUsableAt(Instant now) {
		return consumedAt == null && now.isBefore(expiresAt);
	}

	/** A new token, whose link replaces the earlier one; none for a ticket that can no longer be used. */
	Optional<LinkToken> renew(Instant now) {
		if (!isUsableAt(now)) {
			return Optional.empty();
		}
		var token = LinkToken.random();
		this.tokenHash = token.hash();
		return Optional.of(token);
	}

	/** Uses the ticket up; a ticket that is used or expired cannot be consumed. */
	void consume(Instant now) {
		if (!isUsableAt(now)) {
			throw new TicketNotUsableException();
		}
		this.consumedAt = now;
	}

	UUID id() {
		return id;
	}

	UUID boxId() {
		return boxId;
	}

	String email() {
		return email;
	}

	Instant expiresAt() {
		return expiresAt;
	}
}

package org.tresor.delivery;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.tresor.account.UserId;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One recipient of a delivery and how far the delivery has come for them. */
@Entity
@Table(name = "delivery_recipients")
class DeliveryRecipient {

	@Id
	private UUID id;

	private int position;

	private UUID userId;

	private String email;

	private Instant completedAt;

	private Instant downloadedAt;

	private Instant deletedAt;

	protected DeliveryRecipient() {
	}

	DeliveryRecipient(int position, UserId user, String email, Instant completedAt) {
		this.id = UUID.randomUUID();
		this.position = position;
		this.userId = user.value();
		this.email = email;
		this.completedAt = completedAt;
	}

	UUID id() {
		return id;
	}

	int position() {
		return position;
	}

	UserId user() {
		return new UserId(userId);
	}

	String email() {
		return email;
	}

	/** Key packets for this recipient exist. */
	boolean isCompleted() {
		return completedAt != null;
	}

	boolean isDeleted() {
		return deletedAt != null;
	}

	Optional<Instant> downloadedAt() {
		return Optional.ofNullable(downloadedAt);
	}

	void markDeleted(Instant now) {
		if (deletedAt == null) {
			deletedAt = now;
		}
	}
}

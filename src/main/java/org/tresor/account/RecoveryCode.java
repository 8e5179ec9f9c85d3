package org.tresor.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of a user's single-use recovery codes for the second factor; only its SHA-256 is kept. */
@Entity
@Table(name = "recovery_codes")
class RecoveryCode {

	@Id
	private UUID id;

	private UUID userId;

	private String codeHash;

	private Instant usedAt;

	protected RecoveryCode() {
	}

	RecoveryCode(UserId user, String codeHash) {
		this.id = UUID.randomUUID();
		this.userId = user.value();
		this.codeHash = codeHash;
	}

	boolean isUsed() {
		return usedAt != null;
	}

	void use(Instant now) {
		this.usedAt = now;
	}
}

package org.tresor.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.tresor.kernel.LinkToken;

/**
 * A single-use, expiring link to set up an account. Only the hash of its token is stored. An invitation's token
 * is made when its mail is written ({@link Accounts#freshSetupToken}); until then the hash is one of a token nobody knows.
 */
@Entity
@Table(name = "setup_links")
class SetupLink {

	enum Purpose {
		/** {@code /setup/{token}}: creates the first administrator. */
		FIRST_ADMIN,
		/** {@code /account/setup/{token}}: an invited user sets password and SecuPass. */
		ACCOUNT,
		/** {@code /password-reset/{token}}: a user who forgot the password chooses a new one. */
		PASSWORD_RESET
	}

	@Id
	private UUID id;

	private String tokenHash;

	@Enumerated(EnumType.STRING)
	private Purpose purpose;

	private UUID userId;

	private Instant createdAt;

	private Instant expiresAt;

	private Instant usedAt;

	@Version
	private long version;

	protected SetupLink() {
	}

	private SetupLink(LinkToken token, Purpose purpose, UserId user, Instant now, Duration lifetime) {
		this.id = UUID.randomUUID();
		this.tokenHash = token.hash();
		this.purpose = purpose;
		this.userId = user == null ? null : user.value();
		this.createdAt = now;
		this.expiresAt = now.plus(lifetime);
	}

	static SetupLink forFirstAdministrator(LinkToken token, Instant now, Duration lifetime) {
		return new SetupLink(token, Purpose.FIRST_ADMIN, null, now, lifetime);
	}

	static SetupLink forAccount(LinkToken token, UserId user, Instant now, Duration lifetime) {
		return new SetupLink(token, Purpose.ACCOUNT, user, now, lifetime);
	}

	static SetupLink forPasswordReset(LinkToken token, UserId user, Instant now, Duration lifetime) {
		return new SetupLink(token, Purpose.PASSWORD_RESET, user, now, lifetime);
	}

	boolean isUsable(Instant now) {
		return usedAt == null && now.isBefore(expiresAt);
	}

	/** A new token, whose link replaces the earlier one; none for a link that can no longer be used. */
	Optional<LinkToken> renew(Instant now) {
		if (!isUsable(now)) {
			return Optional.empty();
		}
		var token = LinkToken.random();
		this.tokenHash = token.hash();
		return Optional.of(token);
	}

	/** Marks the link used; it works once and only before it expires. */
	void consume(Instant now) {
		if (!isUsable(now)) {
			throw new SetupLinkUnusableException();
		}
		this.usedAt = now;
	}

	SetupLinkId id() {
		return new SetupLinkId(id);
	}

	Purpose purpose() {
		return purpose;
	}

	Optional<UserId> user() {
		return Optional.ofNullable(userId).map(UserId::new);
	}

	Instant expiresAt() {
		return expiresAt;
	}

	Instant createdAt() {
		return createdAt;
	}
}

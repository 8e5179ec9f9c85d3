package org.tresor.account;

import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.tresor.crypto.ProtectedKey;
import org.tresor.crypto.PublicKeyRing;
import org.tresor.crypto.UserKeyPair;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A person who signs in: staff, administrator or external recipient. Invited users wait for set-up
 * (no password, no key) until they {@link #activate activate} their account through a setup link.
 */
@Entity
@Table(name = "users")
class User {

	@Id
	private UUID id;

	private String email;

	/** Comma-separated role names. */
	private String roles;

	private String passwordHash;

	/** The OpenPGP certificate, base64. */
	private String publicKey;

	private String fingerprint;

	/** The secret key locked by the SecuPass, base64. */
	private String secretKey;

	private String languageTag;

	private boolean enabled;

	private Instant createdAt;

	private Instant activatedAt;

	private Instant lastLoginAt;

	/** When the password last changed: sessions that signed in before end. */
	private Instant credentialsChangedAt;

	/** The TOTP secret of the second factor, sealed ({@link SealedSecrets}); null without one. */
	private String totpSecret;

	/** A TOTP secret shown for enrolment and not yet confirmed with a code, sealed. */
	private String totpPendingSecret;

	private Instant totpEnrolledAt;

	/** The last time step a code was accepted for: its code, and earlier ones, never work again. */
	private Long totpLastStep;

	@Version
	private long version;

	protected User() {
	}

	private User(EmailAddress email, Set<Role> roles, String languageTag, Instant now) {
		this.id = UUID.randomUUID();
		this.email = email.value();
		this.roles = Role.encode(roles);
		this.languageTag = languageTag;
		this.enabled = true;
		this.createdAt = now;
	}

	/** Someone who must still set a password and SecuPass through a setup link. */
	static User invited(EmailAddress email, Set<Role> roles, String languageTag, Instant now) {
		return new User(email, roles, languageTag, now);
	}

	/** The first administrator, who is also staff, active at once. */
	static User administrator(EmailAddress email, String passwordHash, UserKeyPair key, String languageTag,
			Instant now) {
		var user = new User(email, EnumSet.of(Role.ADMIN, Role.STAFF), languageTag, now);
		user.activate(passwordHash, key, now);
		return user;
	}

	void activate(String passwordHash, UserKeyPair key, Instant now) {
		if (isActive()) {
			throw new IllegalStateException("account is already set up");
		}
		this.passwordHash = passwordHash;
		this.publicKey = Base64.getEncoder().encodeToString(key.publicKey().encoded());
		this.fingerprint = key.publicKey().fingerprint();
		this.secretKey = Base64.getEncoder().encodeToString(key.secretKey().encoded());
		this.activatedAt = now;
	}

	/** The same key locked by another SecuPass. */
	void replaceSecretKey(ProtectedKey key) {
		if (!isActive()) {
			throw new IllegalStateException("account is not set up");
		}
		this.secretKey = Base64.getEncoder().encodeToString(key.encoded());
	}

	/** The same password, hashed again with today's parameters (done at login, when the password is at hand). */
	void rehashPassword(String passwordHash) {
		if (!isActive()) {
			throw new IllegalStateException("account is not set up");
		}
		this.passwordHash = passwordHash;
	}

	void grant(Role role) {
		var granted = EnumSet.copyOf(roles());
		granted.add(role);
		this.roles = Role.encode(granted);
	}

	void revoke(Role role) {
		var remaining = EnumSet.copyOf(roles());
		remaining.remove(role);
		this.roles = Role.encode(remaining);
	}

	/** An administrator who can act now: enabled and set up. */
	boolean isActiveAdministrator() {
		return enabled && isActive() && has(Role.ADMIN);
	}

	/** The language of mails to this user. */
	void prefer(String languageTag) {
		this.languageTag = languageTag;
	}

	void changePassword(String passwordHash, Instant now) {
		if (!isActive()) {
			throw new IllegalStateException("account is not set up");
		}
		this.passwordHash = passwordHash;
		this.credentialsChangedAt = now;
	}

	/** Offers a new TOTP secret (sealed) for enrolment; the enrolled one, if any, stays until it is confirmed. */
	void offerTotp(String sealedSecret) {
		this.totpPendingSecret = sealedSecret;
	}

	Optional<String> pendingTotpSecret() {
		return Optional.ofNullable(totpPendingSecret);
	}

	/** The offered secret becomes the second factor; the code that confirmed it was of {@code step}. */
	void enrolTotp(Instant now, long step) {
		if (totpPendingSecret == null) {
			throw new IllegalStateException("no TOTP secret offered");
		}
		this.totpSecret = totpPendingSecret;
		this.totpPendingSecret = null;
		this.totpEnrolledAt = now;
		this.totpLastStep = step;
	}

	Optional<String> totpSecret() {
		return Optional.ofNullable(totpSecret);
	}

	boolean hasSecondFactor() {
		return totpSecret != null;
	}

	/** Accepts a code of {@code step} once: false if a code of this step or a later one was accepted before. */
	boolean useTotpStep(long step) {
		if (totpLastStep != null && step <= totpLastStep) {
			return false;
		}
		this.totpLastStep = step;
		return true;
	}

	void removeTotp() {
		this.totpSecret = null;
		this.totpPendingSecret = null;
		this.totpEnrolledAt = null;
		this.totpLastStep = null;
	}

	Optional<Instant> totpEnrolledAt() {
		return Optional.ofNullable(totpEnrolledAt);
	}

	Optional<Instant> credentialsChangedAt() {
		return Optional.ofNullable(credentialsChangedAt);
	}

	Optional<Instant> lastLoginAt() {
		return Optional.ofNullable(lastLoginAt);
	}

	void disable() {
		this.enabled = false;
	}

	void enable() {
		this.enabled = true;
	}

	UserId id() {
		return new UserId(id);
	}

	EmailAddress email() {
		return new EmailAddress(email);
	}

	Set<Role> roles() {
		return Role.decode(roles);
	}

	boolean has(Role role) {
		return roles().contains(role);
	}

	boolean isEnabled() {
		return enabled;
	}

	/** Password and key exist: set-up is done. */
	boolean isActive() {
		return activatedAt != null;
	}

	Optional<String> passwordHash() {
		return Optional.ofNullable(passwordHash);
	}

	Optional<PublicKeyRing> publicKey() {
		return Optional.ofNullable(publicKey)
			.map(encoded -> new PublicKeyRing(Base64.getDecoder().decode(encoded), fingerprint));
	}

	Optional<ProtectedKey> secretKey() {
		return Optional.ofNullable(secretKey).map(encoded -> new ProtectedKey(Base64.getDecoder().decode(encoded)));
	}

	String languageTag() {
		return languageTag;
	}

	Instant createdAt() {
		return createdAt;
	}

	UserSummary summary() {
		return new UserSummary(id(), email, roles(), publicKey != null, languageTag);
	}
}

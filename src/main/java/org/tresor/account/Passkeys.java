package org.tresor.account;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A user's passkeys (WebAuthn credentials), kept by Spring Security's JDBC repositories: registering and signing in
 * go through Spring Security's WebAuthn filters; here they are listed and removed, and the audit learns of both.
 * Each user's passkeys hang off one user entity named by the e-mail address.
 */
@Service
public class Passkeys implements UserCredentialRepository {

	/** A passkey as its owner sees it; {@code id} is the credential id, base64url. */
	public record Passkey(String id, String label, Instant created, Instant lastUsed) {
	}

	private final UserCredentialRepository credentials;

	private final PublicKeyCredentialUserEntityRepository userEntities;

	private final Users users;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	Passkeys(JdbcOperations jdbc, PublicKeyCredentialUserEntityRepository userEntities, Users users,
			ApplicationEventPublisher events, TransactionTemplate transactions) {
		// not a bean of its own: Spring Security's WebAuthn takes the one UserCredentialRepository bean, this one
		this.credentials = new JdbcUserCredentialRepository(jdbc);
		this.userEntities = userEntities;
		this.users = users;
		this.events = events;
		this.transactions = transactions;
	}

	/** The passkeys of {@code user}, oldest first. */
	public List<Passkey> of(UserId user) {
		return users.findById(user)
			.map(found -> userEntities.findByUsername(found.email().value()))
			.map(entity -> credentials.findByUserId(entity.getId())
				.stream()
				.sorted(Comparator.comparing(CredentialRecord::getCreated, Comparator.nullsLast(Comparator.naturalOrder())))
				.map(record -> new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(),
						record.getCreated(), record.getLastUsed()))
				.toList())
			.orElse(List.of());
	}

	/** Removes the passkey {@code id} if it is one of {@code user}'s; nothing happens otherwise. */
	public void remove(UserId user, String id) {
		var owned = users.findById(user).flatMap(found -> credential(id)
			.filter(record -> Optional.ofNullable(userEntities.findByUsername(found.email().value()))
				.map(entity -> entity.getId().equals(record.getUserEntityUserId()))
				.orElse(false)));
		owned.ifPresent(record -> delete(record.getCredentialId()));
	}

	@Override
	public void save(CredentialRecord record) {
		var added = credentials.findByCredentialId(record.getCredentialId()) == null;
		transactions.executeWithoutResult(status -> {
			credentials.save(record);
			if (added) {
				ownerOf(record).ifPresent(owner -> events.publishEvent(
						new PasskeyAdded(owner.id(), owner.email().value(), record.getLabel())));
			}
		});
	}

	@Override
	public void delete(Bytes credentialId) {
		var record = credentials.findByCredentialId(credentialId);
		if (record == null) {
			return;
		}
		transactions.executeWithoutResult(status -> {
			credentials.delete(credentialId);
			ownerOf(record).ifPresent(owner -> events.publishEvent(
					new PasskeyRemoved(owner.id(), owner.email().value(), record.getLabel())));
		});
	}

	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return credentials.findByCredentialId(credentialId);
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return credentials.findByUserId(userId);
	}

	/** An account that is deleted takes its passkeys with it (the credentials go with the user entity). */
	@EventListener
	void on(UserDeleted event) {
		forget(event.email());
	}

	@EventListener
	void on(AccountRemoved event) {
		forget(event.email());
	}

	private void forget(String email) {
		Optional.ofNullable(userEntities.findByUsername(email)).ifPresent(entity -> userEntities.delete(entity.getId()));
	}

	private Optional<User> ownerOf(CredentialRecord record) {
		return Optional.ofNullable(userEntities.findById(record.getUserEntityUserId()))
			.flatMap(entity -> users.findByEmail(entity.getName()));
	}

	private Optional<CredentialRecord> credential(String id) {
		try {
			return Optional.ofNullable(credentials.findByCredentialId(Bytes.fromBase64(id)));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}

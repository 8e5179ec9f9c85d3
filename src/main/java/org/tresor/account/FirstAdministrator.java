package org.tresor.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.kernel.LinkToken;
import org.tresor.crypto.Keys;
import org.tresor.crypto.SecuPass;

/**
 * The very first administrator, created through a one-time link that is offered while no administrator
 * exists. Holding that link is the only proof needed, so it works once and briefly.
 */
@Service
public class FirstAdministrator {

	private final Users users;

	private final SetupLinks links;

	private final PasswordEncoder passwords;

	private final Keys keys;

	private final ApplicationEventPublisher events;

	private final AccountProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	FirstAdministrator(Users users, SetupLinks links, PasswordEncoder passwords, Keys keys,
			ApplicationEventPublisher events, AccountProperties properties, TransactionTemplate transactions,
			Clock clock) {
		this.transactions = transactions;
		this.users = users;
		this.links = links;
		this.passwords = passwords;
		this.keys = keys;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/** A fresh link if there is no administrator yet; older links of this kind stop working. */
	@Transactional
	Optional<LinkToken> offerLink() {
		if (users.existsAdministrator()) {
			return Optional.empty();
		}
		links.deleteByPurpose(SetupLink.Purpose.FIRST_ADMIN);
		var token = LinkToken.random();
		links.save(SetupLink.forFirstAdministrator(token, clock.instant(), properties.firstAdminLinkLifetime()));
		return Optional.of(token);
	}

	/**
	 * What an instance that starts with no administrator offers: a fresh link, unless one offered less than
	 * {@code recent} ago still works. Instances started together thus log one link between them, not one each
	 * with only the last one working; a start later than that replaces it. Callers run it under a lock that
	 * all instances share, so two never both find no link.
	 */
	@Transactional
	Offer offerLinkOnStart(Duration recent) {
		if (users.existsAdministrator()) {
			return new Offer.NotNeeded();
		}
		var now = clock.instant();
		var pending = links.findByPurposeAndCreatedAtAfterOrderByCreatedAtDesc(SetupLink.Purpose.FIRST_ADMIN,
				now.minus(recent))
			.stream()
			.filter(link -> link.isUsable(now))
			.findFirst();
		if (pending.isPresent()) {
			return new Offer.Pending(pending.get().createdAt(), pending.get().expiresAt());
		}
		return offerLink().<Offer>map(Offer.Fresh::new).orElseGet(Offer.NotNeeded::new);
	}

	/** The outcome of {@link #offerLinkOnStart}. */
	sealed interface Offer {

		/** A new link; any older one stopped working. */
		record Fresh(LinkToken token) implements Offer {
		}

		/** A link offered moments ago (by another instance, most likely) still works; it is in that log. */
		record Pending(Instant createdAt, Instant expiresAt) implements Offer {
		}

		/** An administrator exists. */
		record NotNeeded() implements Offer {
		}
	}

	/** @throws SetupLinkUnusableException unless {@code token} is a usable first-administrator link */
	@Transactional(readOnly = true)
	public void checkLink(LinkToken token) {
		usableLink(token, clock.instant());
	}

	/**
	 * Creates the administrator (also staff) with a key pair locked by {@code secuPass} and uses up the
	 * link, all or nothing. The password hash and the key (Argon2 both) are made between two short
	 * transactions, so no database connection waits for them: the first checks the link (a bad link costs no
	 * hashing), the second checks everything again and writes.
	 *
	 * @throws SetupLinkUnusableException unless {@code token} is a usable first-administrator link
	 * @throws EmailAlreadyRegisteredException if someone already uses {@code email}
	 */
	public UserId create(LinkToken token, EmailAddress email, String password, SecuPass secuPass, String languageTag) {
		transactions.executeWithoutResult(status -> usableLink(token, clock.instant()));
		var hash = passwords.encode(password);
		var key = keys.generate(email.value(), secuPass);
		return transactions.execute(status -> {
			var now = clock.instant();
			var link = usableLink(token, now);
			if (users.findByEmail(email).isPresent()) {
				throw new EmailAlreadyRegisteredException();
			}
			link.consume(now);
			var user = users.save(User.administrator(email, hash, key, languageTag, now));
			events.publishEvent(new AdministratorCreated(user.id()));
			return user.id();
		});
	}

	private SetupLink usableLink(LinkToken token, Instant now) {
		var link = links.usable(token, SetupLink.Purpose.FIRST_ADMIN, now);
		if (users.existsAdministrator()) {
			throw new SetupLinkUnusableException();
		}
		return link;
	}
}

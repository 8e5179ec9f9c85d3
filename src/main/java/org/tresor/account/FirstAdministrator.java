package org.tresor.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.LinkToken;
import org.tresor.crypto.Keys;
import org.tresor.crypto.SecuPass;

/**
 * The very first administrator, created through a one-time link that is offered while no administrator
 * exists. Holding that link is the only proof needed, so it works once and briefly.
 */
@Service
class FirstAdministrator {

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

	/** @throws SetupLinkUnusableException unless {@code token} is a usable first-administrator link */
	@Transactional(readOnly = true)
	void checkLink(LinkToken token) {
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
	UserId create(LinkToken token, EmailAddress email, String password, SecuPass secuPass, String languageTag) {
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
		return links.findByToken(token)
			.filter(link -> link.purpose() == SetupLink.Purpose.FIRST_ADMIN && link.isUsable(now))
			.filter(link -> !users.existsAdministrator())
			.orElseThrow(SetupLinkUnusableException::new);
	}
}

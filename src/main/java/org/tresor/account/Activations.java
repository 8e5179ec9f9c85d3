package org.tresor.account;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.kernel.LinkToken;
import org.tresor.crypto.Keys;
import org.tresor.crypto.SecuPass;

/** An invited user (staff or external) sets password and SecuPass through a setup link. */
@Service
public class Activations {

	private final Users users;

	private final SetupLinks links;

	private final PasswordEncoder passwords;

	private final Keys keys;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Activations(Users users, SetupLinks links, PasswordEncoder passwords, Keys keys, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.transactions = transactions;
		this.users = users;
		this.links = links;
		this.passwords = passwords;
		this.keys = keys;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The address the link sets up.
	 *
	 * @throws SetupLinkUnusableException unless {@code token} is a usable setup link
	 */
	public EmailAddress pending(LinkToken token) {
		return transactions.execute(status -> userOf(linkOf(token, clock.instant())).email());
	}

	/**
	 * Sets the password, creates the key pair locked by {@code secuPass}, activates the account and uses
	 * up the link, all or nothing. The password hash and the key (Argon2 both, waiting for a permit when many
	 * run) are made between two short transactions, so no database connection waits for them: the first checks
	 * the link (a bad link costs no hashing), the second checks it again and writes.
	 *
	 * @throws SetupLinkUnusableException unless {@code token} is a usable setup link
	 */
	public UserId activate(LinkToken token, String password, SecuPass secuPass) {
		var email = pending(token);
		var hash = passwords.encode(password);
		var key = keys.generate(email.value(), secuPass);
		return transactions.execute(status -> {
			var now = clock.instant();
			var link = linkOf(token, now);
			var user = userOf(link);
			link.consume(now);
			user.activate(hash, key, now);
			events.publishEvent(new AccountActivated(user.id()));
			return user.id();
		});
	}

	/**
	 * Creates the key pair of an account that signed in without one (single sign-on made it), locked by
	 * {@code secuPass}; its set-up links are then of no more use and go. Argon2 runs outside any transaction. Nothing
	 * happens for an account that has a key already.
	 */
	public void activateSignedIn(UserId id, SecuPass secuPass) {
		var email = transactions.execute(status -> users.findById(id)
			.filter(user -> user.isEnabled() && !user.isActive())
			.map(user -> user.email().value())
			.orElse(null));
		if (email == null) {
			return;
		}
		var key = keys.generate(email, secuPass);
		transactions.executeWithoutResult(status -> users.findById(id)
			.filter(user -> user.isEnabled() && !user.isActive())
			.ifPresent(user -> {
				user.activate(user.passwordHash().orElse(null), key, clock.instant());
				links.deleteByUserId(id.value());
				events.publishEvent(new AccountActivated(id));
			}));
	}

	private SetupLink linkOf(LinkToken token, Instant now) {
		return links.usable(token, SetupLink.Purpose.ACCOUNT, now);
	}

	private User userOf(SetupLink link) {
		return link.user()
			.flatMap(users::findById)
			.filter(user -> user.isEnabled() && !user.isActive())
			.orElseThrow(SetupLinkUnusableException::new);
	}
}

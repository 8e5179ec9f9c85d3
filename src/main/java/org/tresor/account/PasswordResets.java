package org.tresor.account;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.kernel.LinkToken;

/**
 * "Forgot password?": a single-use link by mail, then a new password. It never touches the key: the SecuPass
 * opens everything as before. The answer to a request is the same whether or not the address has an account.
 */
@Service
public class PasswordResets {

	private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

	private final Users users;

	private final SetupLinks links;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final AccountProperties properties;

	private final Clock clock;

	PasswordResets(Users users, SetupLinks links, PasswordEncoder passwords, ApplicationEventPublisher events,
			TransactionTemplate transactions, AccountProperties properties, Clock clock) {
		this.users = users;
		this.links = links;
		this.passwords = passwords;
		this.events = events;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Mails a reset link to {@code email} if an enabled, set-up account has it; earlier reset links of the account
	 * stop working. Nothing happens otherwise, and the caller cannot tell the difference.
	 */
	public void request(EmailAddress email) {
		transactions.executeWithoutResult(status -> users.findByEmail(email)
			.filter(user -> user.isEnabled() && user.isActive())
			.ifPresent(user -> {
				var now = clock.instant();
				links.deleteByUserIdAndPurpose(user.id().value(), SetupLink.Purpose.PASSWORD_RESET);
				// a token nobody learns: the mail gets a fresh one when it is written (Accounts.freshSetupToken)
				var link = links.save(SetupLink.forPasswordReset(LinkToken.random(), user.id(), now,
						properties.passwordResetLinkLifetime()));
				events.publishEvent(new PasswordResetRequested(user.id(), link.id(), user.email().value(),
						link.expiresAt(), user.languageTag()));
				log.info("Password reset link issued for user {}", user.id().value());
			}));
	}

	/**
	 * The address whose password the link resets.
	 *
	 * @throws SetupLinkUnusableException unless {@code token} is a usable reset link of an enabled account
	 */
	public EmailAddress pending(LinkToken token) {
		return transactions.execute(status -> userOf(linkOf(token, clock.instant())).email());
	}

	/**
	 * Sets the new password and uses up the link; every session of the account ends at its next request. The
	 * password is hashed between two short transactions, so no database connection waits for Argon2.
	 *
	 * @throws SetupLinkUnusableException unless {@code token} is a usable reset link of an enabled account
	 */
	public void reset(LinkToken token, String password) {
		pending(token);
		var hash = passwords.encode(password);
		transactions.executeWithoutResult(status -> {
			var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
			var link = linkOf(token, now);
			var user = userOf(link);
			link.consume(now);
			user.changePassword(hash, now);
			events.publishEvent(new PasswordReset(user.id(), user.email().value()));
			log.info("User {} chose a new password through a reset link; every session of the account ends",
					user.id().value());
		});
	}

	private SetupLink linkOf(LinkToken token, Instant now) {
		return links.usable(token, SetupLink.Purpose.PASSWORD_RESET, now);
	}

	private User userOf(SetupLink link) {
		return link.user()
			.flatMap(users::findById)
			.filter(user -> user.isEnabled() && user.isActive())
			.orElseThrow(SetupLinkUnusableException::new);
	}
}

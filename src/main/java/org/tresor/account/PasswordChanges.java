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

/**
 * A signed-in user chooses a new password. Every other session of the account ends at its next request, on
 * whichever instance and in whichever session store it lives: the account remembers when its credentials
 * changed, and {@link ActiveAccountFilter} ends sessions that signed in before.
 */
@Service
class PasswordChanges {

	private static final Logger log = LoggerFactory.getLogger(PasswordChanges.class);

	private final Users users;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	PasswordChanges(Users users, PasswordEncoder passwords, Clock clock, ApplicationEventPublisher events,
			TransactionTemplate transactions) {
		this.transactions = transactions;
		this.users = users;
		this.passwords = passwords;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Checks {@code current} and hashes {@code next} (Argon2 both) outside any transaction, so no database
	 * connection waits for them; the change is then written in one short transaction, unless the password was
	 * changed meanwhile by another request (then {@code current} counts as wrong).
	 *
	 * @return the moment of the change (to the microsecond, as the database keeps it)
	 * @throws WrongPasswordException if {@code current} is not the account's password
	 */
	Instant change(UserId id, String current, String next) {
		var checked = transactions.execute(status -> users.findById(id).flatMap(User::passwordHash))
			.filter(hash -> passwords.matches(current, hash))
			.orElseThrow(WrongPasswordException::new);
		var hash = passwords.encode(next);
		return transactions.execute(status -> {
			var user = users.findById(id)
				.filter(found -> found.passwordHash().filter(checked::equals).isPresent())
				.orElseThrow(WrongPasswordException::new);
			var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
			user.changePassword(hash, now);
			log.info("User {} changed the password; the account's other sessions end", id.value());
			events.publishEvent(new PasswordChanged(id, user.email().value()));
			return now;
		});
	}
}

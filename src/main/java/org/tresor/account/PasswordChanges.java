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
import org.tresor.protection.ClientAddresses;
import org.tresor.protection.Limit;
import org.tresor.protection.RateLimits;
import org.tresor.protection.TooManyAttemptsException;

/**
 * A signed-in user chooses a new password. Every other session of the account ends at its next request, on
 * whichever instance and in whichever session store it lives: the account remembers when its credentials
 * changed, and {@link ActiveAccountFilter} ends sessions that signed in before.
 *
 * <p>The current password is checked like one typed into the login form: while the account or the client is
 * locked out after wrong passwords even the right one is refused before it is hashed, and a wrong one counts
 * towards both lockouts and is audited. Not in one transaction: the counts and the audit entry of a wrong
 * password commit on their own, and no connection is held while a password is hashed.
 */
@Service
public class PasswordChanges {

	private static final Logger log = LoggerFactory.getLogger(PasswordChanges.class);

	private final Users users;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final RateLimits limits;

	private final ClientAddresses clients;

	PasswordChanges(Users users, PasswordEncoder passwords, Clock clock, ApplicationEventPublisher events,
			TransactionTemplate transactions, RateLimits limits, ClientAddresses clients) {
		this.users = users;
		this.passwords = passwords;
		this.clock = clock;
		this.events = events;
		this.transactions = transactions;
		this.limits = limits;
		this.clients = clients;
	}

	/**
	 * Checks {@code current} and hashes {@code next} (Argon2 both) outside any transaction, so no database
	 * connection waits for them; the change is then written in one short transaction, unless the password was
	 * changed meanwhile by another request (then {@code current} counts as wrong).
	 *
	 * @return the moment of the change (to the microsecond, as the database keeps it)
	 * @throws WrongPasswordException if {@code current} is not the account's password
	 * @throws TooManyAttemptsException if the account or the client is locked out after wrong passwords
	 */
	public Instant change(UserId id, String current, String next) {
		var client = clients.current();
		var user = users.findById(id).orElseThrow(WrongPasswordException::new);
		var account = EmailAddress.normalise(user.email().value());
		limits.checkNotLocked(Limit.WRONG_PASSWORDS_PER_ACCOUNT, account);
		client.ifPresent(address -> limits.checkNotLocked(Limit.WRONG_PASSWORDS_PER_ADDRESS, address));
		var verified = user.passwordHash().filter(hash -> passwords.matches(current, hash));
		if (verified.isEmpty()) {
			limits.recordFailure(Limit.WRONG_PASSWORDS_PER_ACCOUNT, account);
			client.ifPresent(address -> limits.recordFailure(Limit.WRONG_PASSWORDS_PER_ADDRESS, address));
			transactions.executeWithoutResult(status -> events.publishEvent(new WrongCurrentPassword(id, account)));
			log.info("User {} gave a wrong current password", id.value());
			throw new WrongPasswordException();
		}
		var hash = passwords.encode(next);
		var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		transactions.executeWithoutResult(status -> {
			// changed in the meantime (another session): the password checked is no longer the current one
			var changing = users.findById(id).filter(found -> found.passwordHash().equals(verified))
				.orElseThrow(WrongPasswordException::new);
			changing.changePassword(hash, now);
			events.publishEvent(new PasswordChanged(id, changing.email().value()));
		});
		log.info("User {} changed the password; the account's other sessions end", id.value());
		return now;
	}
}

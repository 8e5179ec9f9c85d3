package org.tresor.account;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in user chooses a new password. Every other session of the account ends at its next request, on
 * whichever instance and in whichever session store it lives: the account remembers when its credentials
 * changed, and {@link ActiveAccountFilter} ends sessions that signed in before.
 */
@Service
public class PasswordChanges {

	private static final Logger log = LoggerFactory.getLogger(PasswordChanges.class);

	private final Users users;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	PasswordChanges(Users users, PasswordEncoder passwords, Clock clock, ApplicationEventPublisher events) {
		this.users = users;
		this.passwords = passwords;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * @return the moment of the change (to the microsecond, as the database keeps it)
	 * @throws WrongPasswordException if {@code current} is not the account's password
	 */
	@Transactional
	public Instant change(UserId id, String current, String next) {
		var user = users.findById(id)
			.filter(found -> found.passwordHash().map(hash -> passwords.matches(current, hash)).orElse(false))
			.orElseThrow(WrongPasswordException::new);
		var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		user.changePassword(passwords.encode(next), now);
		log.info("User {} changed the password; the account's other sessions end", id.value());
		events.publishEvent(new PasswordChanged(id, user.email().value()));
		return now;
	}
}

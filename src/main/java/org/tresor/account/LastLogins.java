package org.tresor.account;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Remembers when each user last logged in: external accounts are removed some time after that. */
@Component
class LastLogins {

	private final Users users;

	private final Clock clock;

	LastLogins(Users users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
			users.recordLogin(user.id().value(), clock.instant());
		}
	}
}

package org.tresor.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks up who tries to sign in. Unknown addresses and users still waiting for set-up are "not found";
 * Spring Security then checks a dummy hash, so the answer and its timing do not reveal which addresses
 * exist. Disabled users are found but refused.
 */
@Service
class Logins implements UserDetailsService {

	private final Users users;

	Logins(Users users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String email) {
		return users.findByEmail(EmailAddress.normalise(email))
			.filter(user -> user.passwordHash().isPresent())
			.map(AccountUser::of)
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
	}
}

package org.tresor.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks up who tries to sign in, with a password or a passkey. Unknown addresses and users still waiting for
 * set-up are "not found"; Spring Security then checks a dummy hash, so the answer and its timing do not reveal
 * which addresses exist. An account that single sign-on made has no password: no password matches it. Disabled users are found but refused. A hash made with weaker parameters than today's (Argon2id with
 * 16 MiB, say) is replaced at the next successful login, while the password is at hand.
 */
@Service
class Logins implements UserDetailsService, UserDetailsPasswordService {

	private final Users users;

	Logins(Users users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String email) {
		return users.findByEmail(EmailAddress.normalise(email))
			.filter(User::isActive)
			.map(AccountUser::of)
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
	}

	@Override
	@Transactional
	public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
		return users.findByEmail(EmailAddress.normalise(user.getUsername())).map(found -> {
			found.rehashPassword(newPasswordHash);
			return (UserDetails) AccountUser.of(found);
		}).orElse(user);
	}
}

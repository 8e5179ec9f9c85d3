package org.tresor.account;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Refuses passwords longer than {@link ChosenSecrets#PASSWORD_MAX_LENGTH} before they reach Argon2, wherever they
 * come from (login form, HTTP Basic): hashing megabytes of "password" would cost the server, not the guesser.
 */
final class LengthLimitedPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;

	LengthLimitedPasswordEncoder(PasswordEncoder delegate) {
		this.delegate = delegate;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		if (isTooLong(rawPassword)) {
			throw new IllegalArgumentException("A password has at most " + ChosenSecrets.PASSWORD_MAX_LENGTH + " characters");
		}
		return delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return !isTooLong(rawPassword) && delegate.matches(rawPassword, encodedPassword);
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return delegate.upgradeEncoding(encodedPassword);
	}

	private static boolean isTooLong(CharSequence rawPassword) {
		return rawPassword != null && rawPassword.length() > ChosenSecrets.PASSWORD_MAX_LENGTH;
	}
}

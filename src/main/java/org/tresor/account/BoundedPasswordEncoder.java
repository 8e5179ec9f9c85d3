package org.tresor.account;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.tresor.kernel.Turnstile;

/**
 * Caps the password hashes and checks (Argon2id: heap and CPU) that run at once, as the crypto module caps
 * SecuPass unlocks. Beyond the cap a request waits its turn in a bounded queue (fair: first come, first served);
 * beyond the queue it is refused at once with {@link PasswordHashingBusyException}, which answers 503 with
 * {@code Retry-After}. Nobody waits here holding a database connection: hashing runs outside transactions.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;

	private final Turnstile turnstile;

	BoundedPasswordEncoder(PasswordEncoder delegate, int maxConcurrent, int maxQueued) {
		this.delegate = delegate;
		this.turnstile = new Turnstile(maxConcurrent, maxQueued);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		acquire();
		try {
			return delegate.encode(rawPassword);
		}
		finally {
			turnstile.leave();
		}
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		acquire();
		try {
			return delegate.matches(rawPassword, encodedPassword);
		}
		finally {
			turnstile.leave();
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return delegate.upgradeEncoding(encodedPassword);
	}

	/** How many wait for their turn now. */
	int queued() {
		return turnstile.queued();
	}

	private void acquire() {
		if (!turnstile.enter()) {
			throw new PasswordHashingBusyException();
		}
	}
}

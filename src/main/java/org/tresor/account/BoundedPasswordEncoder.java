package org.tresor.account;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.tresor.kernel.Turnstile;

/**
 * Caps the password hashes and checks (Argon2id: heap and CPU) that run at once, as the crypto module caps
 * SecuPass unlocks. Beyond the cap a request waits its turn in a bounded queue (fair: first come, first served);
 * beyond the queue it is refused at once with {@link PasswordHashingBusyException}, which answers 503 with
 * {@code Retry-After}. Nobody waits here holding a database connection: hashing runs outside transactions. The
 * hashes run on {@link PasswordHashingThreads}, which yield the processors to the pages.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;

	private final PasswordHashingThreads threads;

	private final Turnstile turnstile;

	/** As many hashes run at once as there are {@code threads}; {@code maxQueued} more wait their turn. */
	BoundedPasswordEncoder(PasswordEncoder delegate, PasswordHashingThreads threads, int maxQueued) {
		this.delegate = delegate;
		this.threads = threads;
		this.turnstile = new Turnstile(threads.count(), maxQueued);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		acquire();
		try {
			return threads.run(() -> delegate.encode(rawPassword));
		}
		finally {
			turnstile.leave();
		}
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		acquire();
		try {
			return threads.run(() -> delegate.matches(rawPassword, encodedPassword));
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

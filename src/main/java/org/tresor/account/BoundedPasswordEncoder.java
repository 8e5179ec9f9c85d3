package org.tresor.account;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Caps the password hashes and checks (Argon2id: heap and CPU) that run at once, as the crypto module caps
 * SecuPass unlocks. Beyond the cap a request waits its turn in a bounded queue (fair: first come, first served);
 * beyond the queue it is refused at once with {@link PasswordHashingBusyException}, which answers 503 with
 * {@code Retry-After}. Nobody waits here holding a database connection: hashing runs outside transactions.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;

	private final Semaphore permits;

	private final int maxQueued;

	private final AtomicInteger queued = new AtomicInteger();

	BoundedPasswordEncoder(PasswordEncoder delegate, int maxConcurrent, int maxQueued) {
		this.delegate = delegate;
		this.permits = new Semaphore(maxConcurrent, true);
		this.maxQueued = maxQueued;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		acquire();
		try {
			return delegate.encode(rawPassword);
		}
		finally {
			permits.release();
		}
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		acquire();
		try {
			return delegate.matches(rawPassword, encodedPassword);
		}
		finally {
			permits.release();
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return delegate.upgradeEncoding(encodedPassword);
	}

	/** How many wait for their turn now. */
	int queued() {
		return queued.get();
	}

	private void acquire() {
		if (permits.tryAcquire()) {
			return;
		}
		if (queued.incrementAndGet() > maxQueued) {
			queued.decrementAndGet();
			throw new PasswordHashingBusyException();
		}
		try {
			permits.acquire();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new PasswordHashingBusyException();
		}
		finally {
			queued.decrementAndGet();
		}
	}
}

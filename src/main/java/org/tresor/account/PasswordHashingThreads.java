package org.tresor.account;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.tresor.kernel.YieldingThreads;

/**
 * The threads password hashes run on, as many as may run at once ({@code max-concurrent-password-hashes}). They
 * yield to the request threads ({@link YieldingThreads}): under a burst of sign-ins the pages keep the processors
 * and the hashes take what is left. The request waits for its hash, as it did when it hashed itself.
 */
final class PasswordHashingThreads implements AutoCloseable {

	private final ExecutorService threads;

	private final int count;

	PasswordHashingThreads(int count) {
		this.count = count;
		this.threads = Executors.newFixedThreadPool(count, new YieldingThreads("password-hashing"));
	}

	int count() {
		return count;
	}

	/** The result of {@code hash}, computed on one of these threads; what it throws is thrown here. */
	<T> T run(Supplier<T> hash) {
		try {
			return threads.submit(hash::get).get();
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (e.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(e.getCause());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new PasswordHashingBusyException();
		}
	}

	@Override
	public void close() {
		threads.shutdownNow();
	}
}

package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tresor.Niceness;
import org.tresor.kernel.YieldingThreads;

import com.sun.jna.Platform;

/** Password hashes run a few at a time; a few more wait their turn, the rest are refused at once. */
class BoundedPasswordEncoderTests {

	/** Hashes only once the test lets it: a hash that takes as long as the test wants. */
	static final class HeldEncoder implements PasswordEncoder {

		final CountDownLatch release = new CountDownLatch(1);

		final CountDownLatch running = new CountDownLatch(1);

		@Override
		public String encode(CharSequence rawPassword) {
			running.countDown();
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return "hash:" + rawPassword;
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			return encode(rawPassword).equals(encodedPassword);
		}
	}

	private final PasswordHashingThreads hashing = new PasswordHashingThreads(1);

	@AfterEach
	void stopHashing() {
		hashing.close();
	}

	@Test
	void hashesOnThreadsThatYieldToThePages() {
		assumeTrue(Platform.isLinux(), "niceness is Linux's");
		var encoder = new BoundedPasswordEncoder(new PasswordEncoder() {

			@Override
			public String encode(CharSequence rawPassword) {
				return Thread.currentThread().getName() + " " + Niceness.ofThisThread();
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				return encode(rawPassword).equals(encodedPassword);
			}
		}, hashing, 0);

		assertThat(encoder.encode("secret")).isEqualTo("password-hashing-1 "
				+ Math.min(YieldingThreads.NICEST, Niceness.ofThisThread() + YieldingThreads.NICENESS));
	}

	@Test
	void passesOnWhatTheHashThrows() {
		var encoder = new BoundedPasswordEncoder(new PasswordEncoder() {

			@Override
			public String encode(CharSequence rawPassword) {
				throw new IllegalArgumentException("not a hash");
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				throw new IllegalArgumentException("not a hash");
			}
		}, hashing, 0);

		assertThatThrownBy(() -> encoder.encode("secret")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("not a hash");
		assertThat(encoder.queued()).isZero();
	}

	@Test
	void refusesAtOnceWhatNeitherRunsNorFitsInTheQueueAndServesTheQueueAfterwards() throws Exception {
		var held = new HeldEncoder();
		var encoder = new BoundedPasswordEncoder(held, hashing, 1);
		var threads = Executors.newFixedThreadPool(2);
		try {
			Future<String> running = threads.submit(() -> encoder.encode("first"));
			held.running.await(10, TimeUnit.SECONDS);
			Future<Boolean> queued = threads.submit(() -> encoder.matches("second", "hash:second"));
			awaitQueued(encoder);

			assertThatThrownBy(() -> encoder.encode("third")).isInstanceOf(PasswordHashingBusyException.class);
			assertThatThrownBy(() -> encoder.matches("third", "hash:third"))
				.isInstanceOf(PasswordHashingBusyException.class);

			held.release.countDown();
			assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo("hash:first");
			assertThat(queued.get(10, TimeUnit.SECONDS)).isTrue();
			assertThat(encoder.encode("fourth")).as("a free slot again").isEqualTo("hash:fourth");
		}
		finally {
			held.release.countDown();
			threads.shutdownNow();
		}
	}

	@Test
	void withoutAQueueRefusesEverythingBeyondTheRunningOnes() throws Exception {
		var held = new HeldEncoder();
		var encoder = new BoundedPasswordEncoder(held, hashing, 0);
		var threads = Executors.newSingleThreadExecutor();
		try {
			threads.submit(() -> encoder.encode("first"));
			held.running.await(10, TimeUnit.SECONDS);
			assertThatThrownBy(() -> encoder.encode("second")).isInstanceOf(PasswordHashingBusyException.class);
		}
		finally {
			held.release.countDown();
			threads.shutdownNow();
		}
	}

	private static void awaitQueued(BoundedPasswordEncoder encoder) throws InterruptedException {
		for (int i = 0; i < 1000 && encoder.queued() == 0; i++) {
			Thread.sleep(10);
		}
		assertThat(encoder.queued()).as("requests waiting").isEqualTo(1);
	}
}

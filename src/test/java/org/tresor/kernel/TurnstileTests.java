package org.tresor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** A few at once, a few more waiting their turn, everyone else turned away at once. */
class TurnstileTests {

	private static final Duration LONG = Duration.ofSeconds(30);

	@Test
	void turnsAwayAtOnceWhoNeitherFindsAPlaceNorFitsInTheQueue() throws Exception {
		var turnstile = new Turnstile(1, 1);
		var threads = Executors.newSingleThreadExecutor();
		try {
			assertThat(turnstile.enter()).isTrue();
			Future<Boolean> waiting = threads.submit(() -> turnstile.enter(LONG));
			awaitQueued(turnstile, 1);

			long started = System.nanoTime();
			assertThat(turnstile.enter(LONG)).as("the queue is full").isFalse();
			assertThat(turnstile.enter()).isFalse();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("turned away without waiting")
				.isLessThan(LONG);

			turnstile.leave();
			assertThat(waiting.get(10, TimeUnit.SECONDS)).as("the one waiting got the place").isTrue();
			assertThat(turnstile.queued()).isZero();
			turnstile.leave();
			assertThat(turnstile.enter()).as("a free place again").isTrue();
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aWaiterGivesUpWhenItsWaitRunsOutAndLeavesTheQueue() {
		var turnstile = new Turnstile(1, 1);
		assertThat(turnstile.enter()).isTrue();

		assertThat(turnstile.enter(Duration.ofMillis(50))).isFalse();
		assertThat(turnstile.queued()).isZero();
	}

	@Test
	void anInterruptedWaiterIsTurnedAwayAndKeepsItsInterrupt() {
		var turnstile = new Turnstile(1, 1);
		assertThat(turnstile.enter()).isTrue();

		Thread.currentThread().interrupt();
		try {
			assertThat(turnstile.enter(LONG)).isFalse();
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
		assertThat(turnstile.queued()).isZero();
	}

	@Test
	void needsAPlaceAndNoNegativeQueue() {
		assertThatThrownBy(() -> new Turnstile(0, 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Turnstile(1, -1)).isInstanceOf(IllegalArgumentException.class);
	}

	private static void awaitQueued(Turnstile turnstile, int expected) throws InterruptedException {
		for (int i = 0; i < 1000 && turnstile.queued() < expected; i++) {
			Thread.sleep(10);
		}
		assertThat(turnstile.queued()).as("waiting").isEqualTo(expected);
	}
}

package org.tresor.kernel;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets a fixed number of callers through at once; a fixed number more wait their turn (first come, first served),
 * and whoever comes beyond them is turned away at once. For work a burst would otherwise run all at once, each
 * part at a fraction of the CPU: admitted work runs at full speed, the wait is bounded, a refusal costs nothing.
 * Callers pass it before they take a database connection, so nobody waits here holding one.
 */
public final class Turnstile {

	private final Semaphore places;

	private final int maxQueued;

	private final AtomicInteger queued = new AtomicInteger();

	public Turnstile(int maxConcurrent, int maxQueued) {
		if (maxConcurrent < 1 || maxQueued < 0) {
			throw new IllegalArgumentException(
					"A turnstile needs at least one place and no negative queue, was " + maxConcurrent + " and " + maxQueued);
		}
		this.places = new Semaphore(maxConcurrent, true);
		this.maxQueued = maxQueued;
	}

	/** Waits for a place as long as it takes; false if the queue is full. After true, call {@link #leave()}. */
	public boolean enter() {
		return enter(null);
	}

	/**
	 * Waits for a place at most {@code maxWait}; false if the queue is full, the wait ran out or the thread was
	 * interrupted (its flag stays set). After true, call {@link #leave()}.
	 */
	public boolean enter(Duration maxWait) {
		if (places.tryAcquire()) {
			return true;
		}
		if (queued.incrementAndGet() > maxQueued) {
			queued.decrementAndGet();
			return false;
		}
		try {
			if (maxWait == null) {
				places.acquire();
				return true;
			}
			return places.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			queued.decrementAndGet();
		}
	}

	public void leave() {
		places.release();
	}

	/** How many wait for their turn now. */
	public int queued() {
		return queued.get();
	}
}

package org.tresor.retention;

import java.time.Instant;

/**
 * Implemented by each module that keeps something with an expiry (tickets and submissions, set-up links and
 * external accounts, deliveries). The retention job calls every implementation in turn, on one instance at a
 * time, shortly after each start and then every {@code tresor.retention.interval}.
 *
 * <p>Implementations must be idempotent (a second call with the same {@code now} deletes nothing more) and
 * must tolerate being cut short at any point: whatever a crash interrupts, the next call finishes.
 */
public interface ExpiryTask {

	/** What expires, for the log ("tickets and submissions"). */
	String name();

	/** Deletes what has expired by {@code now}; returns how many items were deleted. */
	int deleteExpired(Instant now);
}

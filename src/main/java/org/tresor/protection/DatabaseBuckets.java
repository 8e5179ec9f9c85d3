package org.tresor.protection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

/**
 * Bucket4j's compare-and-swap extension point over the table {@code rate_limit_buckets}. Bucket4j ships JDBC
 * support per database (its PostgreSQL module uses {@code ON CONFLICT}, which H2 lacks); one {@code INSERT} or
 * conditional {@code UPDATE} per change ({@link RateLimitBuckets}) works on both. The statements run in the
 * transaction {@link RateLimits} opens for one check: one connection, held for the read and the swap. (Once the read
 * ran without a transaction in a scope whose entity manager kept its connection while the swap's transaction took a
 * second one: a burst of requests held the whole pool and waited for itself.)
 *
 * <p>An insert that loses to another request's first use of the bucket fails with a duplicate key; on PostgreSQL that
 * ends the transaction, so the failure goes up and {@link RateLimits} runs the whole check again.
 *
 * <p>Time is the application's clock, so tests can move it; rows expire once their bucket would be full again
 * ({@link ExpiredBuckets} deletes them).
 */
class DatabaseBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

	private static final Duration KEEP_WHEN_FULL = Duration.ofMinutes(1);

	private final RateLimitBuckets rows;

	private final Clock clock;

	DatabaseBuckets(RateLimitBuckets rows, Clock clock) {
		super(ClientSideConfig.getDefault()
			.withClientClock(timeMeter(clock))
			.withExpirationAfterWriteStrategy(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_WHEN_FULL)));
		this.rows = rows;
		this.clock = clock;
	}

	@Override
	protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
		return new CompareAndSwapOperation() {

			@Override
			public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
				return rows.stateOf(key).stream().findFirst();
			}

			@Override
			public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
					Optional<Long> timeoutNanos) {
				long expiresAt = expiresAt(newState);
				if (originalData == null) {
					return rows.create(key, newData, expiresAt) == 1;
				}
				return rows.swap(key, originalData, newData, expiresAt) == 1;
			}
		};
	}

	/** Deletes the buckets that would be full again by {@code now}; returns how many. */
	int deleteExpired(Instant now) {
		return rows.deleteExpiredBefore(now.toEpochMilli());
	}

	@Override
	public void removeProxy(String key) {
		rows.delete(key);
	}

	@Override
	public boolean isAsyncModeSupported() {
		return false;
	}

	@Override
	public boolean isExpireAfterWriteSupported() {
		return true;
	}

	@Override
	protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
		throw new UnsupportedOperationException("rate limits are checked synchronously");
	}

	@Override
	protected CompletableFuture<Void> removeAsync(String key) {
		throw new UnsupportedOperationException("rate limits are checked synchronously");
	}

	private long expiresAt(RemoteBucketState state) {
		long now = currentTimeNanos();
		long ttl = getClientSideConfig().getExpirationAfterWriteStrategy().orElseThrow().calculateTimeToLiveMillis(state, now);
		return clock.millis() + ttl;
	}

	private static TimeMeter timeMeter(Clock clock) {
		return new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				var now = clock.instant();
				return now.getEpochSecond() * 1_000_000_000L + now.getNano();
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}
		};
	}
}

package org.tresor.protection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.CommandResult;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.bucket4j.distributed.remote.Request;

/**
 * Bucket4j's compare-and-swap extension point over the table {@code rate_limit_buckets}. Bucket4j ships JDBC
 * support per database (its PostgreSQL module uses {@code ON CONFLICT}, which H2 lacks); one {@code INSERT} or
 * conditional {@code UPDATE ... WHERE state = ?} per change works on both. Every statement commits at once, outside
 * any transaction of the caller: a failed attempt must stay counted when the caller's work rolls back.
 *
 * <p>One check holds ONE connection, for a few short statements: the read and the swap go through plain JDBC in
 * one scope without a transaction, whose synchronisation hands both statements the same connection and gives
 * it back at the end. (Through JPA, the read's entity manager kept its connection while the swap's transaction
 * took a second one: a burst of requests held the whole pool and waited for itself.) Call it outside any
 * transaction, or the caller's connection is held meanwhile.
 *
 * <p>Time is the application's clock, so tests can move it; rows expire once their bucket would be full again
 * ({@link ExpiredBuckets} deletes them).
 */
class DatabaseBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

	private static final Duration KEEP_WHEN_FULL = Duration.ofMinutes(1);

	private static final String STATE = "select state from rate_limit_buckets where id = ?";

	private static final String CREATE = "insert into rate_limit_buckets (id, state, expires_at) values (?, ?, ?)";

	private static final String SWAP = "update rate_limit_buckets set state = ?, expires_at = ? where id = ? and state = ?";

	private final JdbcTemplate jdbc;

	private final RateLimitBuckets rows;

	private final TransactionTemplate outsideTransactions;

	private final Clock clock;

	DatabaseBuckets(JdbcTemplate jdbc, RateLimitBuckets rows, PlatformTransactionManager transactions, Clock clock) {
		super(ClientSideConfig.getDefault()
			.withClientClock(timeMeter(clock))
			.withExpirationAfterWriteStrategy(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_WHEN_FULL)));
		this.jdbc = jdbc;
		this.rows = rows;
		this.outsideTransactions = new TransactionTemplate(transactions);
		this.outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
		this.clock = clock;
	}

	@Override
	public <T> CommandResult<T> execute(String key, Request<T> request) {
		return outsideTransactions.execute(status -> super.execute(key, request));
	}

	@Override
	protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
		return new CompareAndSwapOperation() {

			@Override
			public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
				return jdbc.query(STATE, (row, number) -> row.getBytes(1), key).stream().findFirst();
			}

			@Override
			public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
					Optional<Long> timeoutNanos) {
				long expiresAt = expiresAt(newState);
				if (originalData == null) {
					try {
						return jdbc.update(CREATE, key, newData, expiresAt) == 1;
					}
					catch (DataIntegrityViolationException e) {
						return false; // another request created it first: Bucket4j reads it again and retries
					}
				}
				return jdbc.update(SWAP, newData, expiresAt, key, originalData) == 1;
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

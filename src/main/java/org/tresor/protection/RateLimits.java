package org.tresor.protection;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;

import org.tresor.kernel.Sha256;

/**
 * Counts attempts in token buckets (Bucket4j) shared by all instances through the database. A bucket holds
 * {@code attempts} tokens and gets one back every {@code period / attempts}.
 *
 * <p>Keys are stored only as SHA-256 hashes: what people type into an address field may be anything, a
 * password included.
 *
 * <p>Each check is one short transaction of its own, outside any of the caller's (a failed attempt must stay counted
 * when the caller's work rolls back): Bucket4j's read and compare-and-swap of one bucket share one connection and
 * commit together. Call it outside any transaction, or the caller's connection is held meanwhile.
 */
@Service
public class RateLimits {

	private final DatabaseBuckets buckets;

	/** Two first uses of one bucket at once: the loser's insert fails, and its whole check runs again. */
	private static final int CHECK_ATTEMPTS = 3;

	private final RateLimitProperties properties;

	private final TransactionTemplate transactions;

	RateLimits(RateLimitBuckets rows, RateLimitProperties properties, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.buckets = new DatabaseBuckets(rows, clock);
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Counts one attempt of {@code key} (a client address, an e-mail address, an account id).
	 *
	 * @throws TooManyAttemptsException if its allowance is used up; the attempt is then not counted
	 */
	public void acquire(Limit limit, String key) {
		var probe = check(limit, key, bucket -> bucket.tryConsumeAndReturnRemaining(1));
		if (!probe.isConsumed()) {
			throw new TooManyAttemptsException(limit, Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

	/**
	 * For lockouts, before the secret is checked at all.
	 *
	 * @throws TooManyAttemptsException if {@code key} has used up its failures
	 */
	public void checkNotLocked(Limit limit, String key) {
		var estimate = check(limit, key, bucket -> bucket.estimateAbilityToConsume(1));
		if (!estimate.canBeConsumed()) {
			throw new TooManyAttemptsException(limit, Duration.ofNanos(estimate.getNanosToWaitForRefill()));
		}
	}

	/** Counts a failure (wrong password or SecuPass) of {@code key} towards its lockout. */
	public void recordFailure(Limit limit, String key) {
		check(limit, key, bucket -> bucket.tryConsume(1));
	}

	private <T> T check(Limit limit, String key, Function<BucketProxy, T> operation) {
		for (int attempt = 1;; attempt++) {
			try {
				return transactions.execute(status -> operation.apply(bucket(limit, key)));
			}
			catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
				if (attempt == CHECK_ATTEMPTS) {
					throw e;
				}
			}
		}
	}

	DatabaseBuckets buckets() {
		return buckets;
	}

	private BucketProxy bucket(Limit limit, String key) {
		var allowance = properties.of(limit);
		var configuration = BucketConfiguration.builder()
			.addLimit(bandwidth -> bandwidth.capacity(allowance.attempts())
				.refillGreedy(allowance.attempts(), allowance.period()))
			.build();
		// the allowance is part of the id: changed settings start fresh buckets instead of inheriting old ones
		return buckets.builder()
			.build(id(limit + "/" + allowance.attempts() + "/" + allowance.period() + "/" + key), () -> configuration);
	}

	private static String id(String key) {
		return Sha256.hex(key);
	}
}

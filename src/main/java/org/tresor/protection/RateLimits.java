package org.tresor.protection;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Service;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;

import org.tresor.kernel.Sha256;

/**
 * Counts attempts in token buckets (Bucket4j) shared by all instances through the database. A bucket holds
 * {@code attempts} tokens and gets one back every {@code period / attempts}.
 *
 * <p>Keys are stored only as SHA-256 hashes: what people type into an address field may be anything, a
 * password included.
 */
@Service
public class RateLimits {

	private final DatabaseBuckets buckets;

	private final RateLimitProperties properties;

	RateLimits(RateLimitBuckets rows, RateLimitProperties properties, Clock clock) {
		this.buckets = new DatabaseBuckets(rows, clock);
		this.properties = properties;
	}

	/**
	 * Counts one attempt of {@code key} (a client address, an e-mail address, an account id).
	 *
	 * @throws TooManyAttemptsException if its allowance is used up; the attempt is then not counted
	 */
	public void acquire(Limit limit, String key) {
		var probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
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
		var estimate = bucket(limit, key).estimateAbilityToConsume(1);
		if (!estimate.canBeConsumed()) {
			throw new TooManyAttemptsException(limit, Duration.ofNanos(estimate.getNanosToWaitForRefill()));
		}
	}

	/** Counts a failure (wrong password or SecuPass) of {@code key} towards its lockout. */
	public void recordFailure(Limit limit, String key) {
		bucket(limit, key).tryConsume(1);
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

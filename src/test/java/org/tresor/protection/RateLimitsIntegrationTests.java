package org.tresor.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.TresorIntegrationTest;

/**
 * The token buckets on the application's real database (H2 here, PostgreSQL in
 * {@link RateLimitsOnPostgresIntegrationTests}), with allowances of their own: what Bucket4j counts, how it gives
 * attempts back, that concurrent requests never get more than the allowance, and that only hashes are stored.
 */
class RateLimitsIntegrationTests extends TresorIntegrationTest {

	static final RateLimitProperties.Allowance THREE_PER_HOUR = new RateLimitProperties.Allowance(3, Duration.ofHours(1));

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	RateLimitBuckets rows;

	RateLimits limits;

	String key;

	@BeforeEach
	void threePerHour() {
		var allowances = new RateLimitProperties.Allowance[Limit.values().length];
		java.util.Arrays.fill(allowances, THREE_PER_HOUR);
		limits = new RateLimits(rows, new RateLimitProperties(allowances[0], allowances[1], allowances[2],
				allowances[3], allowances[4], allowances[5], allowances[6], allowances[7], allowances[8], allowances[9],
				allowances[10], allowances[11]),
				clock, transactions);
		key = "client-" + UUID.randomUUID() + "@example.org";
	}

	@Test
	void refusesTheAttemptAfterTheAllowanceAndSaysHowLongToWait() {
		for (int i = 0; i < 3; i++) {
			limits.acquire(Limit.LOGINS_PER_EMAIL, key);
		}
		assertThatThrownBy(() -> limits.acquire(Limit.LOGINS_PER_EMAIL, key))
			.isInstanceOfSatisfying(TooManyAttemptsException.class, refusal -> {
				assertThat(refusal.limit()).isEqualTo(Limit.LOGINS_PER_EMAIL);
				assertThat(refusal.retryAfter()).isBetween(Duration.ofMinutes(19), Duration.ofMinutes(20));
			});
	}

	@Test
	void givesOneAttemptBackForEachShareOfThePeriod() {
		for (int i = 0; i < 3; i++) {
			limits.acquire(Limit.LOGINS_PER_EMAIL, key);
		}
		clock.advance(Duration.ofMinutes(20));
		limits.acquire(Limit.LOGINS_PER_EMAIL, key);
		assertThatThrownBy(() -> limits.acquire(Limit.LOGINS_PER_EMAIL, key)).isInstanceOf(TooManyAttemptsException.class);
	}

	@Test
	void countsEachLimitAndKeyApart() {
		for (int i = 0; i < 3; i++) {
			limits.acquire(Limit.LOGINS_PER_EMAIL, key);
		}
		assertThatThrownBy(() -> limits.acquire(Limit.LOGINS_PER_EMAIL, key)).as("this limit and key are used up")
			.isInstanceOf(TooManyAttemptsException.class);

		for (int i = 0; i < 3; i++) {
			assertThatNoException().as("another limit, same key: attempt " + (i + 1) + " of 3")
				.isThrownBy(() -> limits.acquire(Limit.TICKET_REQUESTS_PER_EMAIL, key));
			assertThatNoException().as("same limit, another key: attempt " + (i + 1) + " of 3")
				.isThrownBy(() -> limits.acquire(Limit.LOGINS_PER_EMAIL, key + ".other"));
		}
		assertThatThrownBy(() -> limits.acquire(Limit.TICKET_REQUESTS_PER_EMAIL, key))
			.as("each has its own allowance of three, no more")
			.isInstanceOfSatisfying(TooManyAttemptsException.class,
					refusal -> assertThat(refusal.limit()).isEqualTo(Limit.TICKET_REQUESTS_PER_EMAIL));
		assertThatThrownBy(() -> limits.acquire(Limit.LOGINS_PER_EMAIL, key + ".other"))
			.isInstanceOf(TooManyAttemptsException.class);
	}

	@Test
	void locksOnlyAfterTheFailuresAndCheckingCountsNothing() {
		for (int i = 0; i < 5; i++) {
			limits.checkNotLocked(Limit.WRONG_PASSWORDS_PER_ACCOUNT, key);
		}
		for (int i = 0; i < 3; i++) {
			limits.recordFailure(Limit.WRONG_PASSWORDS_PER_ACCOUNT, key);
		}
		assertThatThrownBy(() -> limits.checkNotLocked(Limit.WRONG_PASSWORDS_PER_ACCOUNT, key))
			.isInstanceOf(TooManyAttemptsException.class);
	}

	@Test
	void neverGivesConcurrentRequestsMoreThanTheAllowance() throws Exception {
		var granted = new AtomicInteger();
		var attempts = new ArrayList<Callable<Void>>();
		for (int i = 0; i < 12; i++) {
			attempts.add(() -> {
				try {
					limits.acquire(Limit.LOGINS_PER_ADDRESS, key);
					granted.incrementAndGet();
				}
				catch (TooManyAttemptsException refused) {
					// expected for all but three
				}
				return null;
			});
		}
		var threads = Executors.newFixedThreadPool(6);
		try {
			for (var result : threads.invokeAll(attempts)) {
				result.get();
			}
		}
		finally {
			threads.shutdown();
		}
		assertThat(granted).hasValue(3);
	}

	@Test
	void countsEvenWhenTheCallersTransactionRollsBack() {
		var transaction = new TransactionTemplate(transactions);
		for (int i = 0; i < 3; i++) {
			transaction.executeWithoutResult(status -> {
				limits.recordFailure(Limit.WRONG_SECUPASSES_PER_ACCOUNT, key);
				status.setRollbackOnly();
			});
		}
		assertThatThrownBy(() -> limits.checkNotLocked(Limit.WRONG_SECUPASSES_PER_ACCOUNT, key))
			.isInstanceOf(TooManyAttemptsException.class);
	}

	@Test
	void storesOnlyHashesOfWhatItCounts() {
		limits.acquire(Limit.TICKET_REQUESTS_PER_EMAIL, key);
		assertThat(databaseContents()).doesNotContain(key);
	}

	@Test
	void deletesBucketsOnceTheyAreFullAgain() {
		var now = clock.instant();
		var expired = new ExpiredBuckets(limits);
		expired.deleteExpired(now); // what other tests left
		limits.acquire(Limit.TICKET_REQUESTS_PER_ADDRESS, key);
		assertThat(expired.deleteExpired(now)).isZero();
		var later = now.plus(Duration.ofHours(2));
		assertThat(expired.deleteExpired(later)).isPositive();
		assertThat(jdbc.queryForObject("select count(*) from rate_limit_buckets where expires_at < ?", Integer.class,
				later.toEpochMilli())).isZero();
	}
}

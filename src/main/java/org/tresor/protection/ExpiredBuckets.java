package org.tresor.protection;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.tresor.retention.ExpiryTask;

/** Buckets that are full again are the same as no bucket: the retention job deletes their rows. */
@Component
class ExpiredBuckets implements ExpiryTask {

	private final RateLimits limits;

	ExpiredBuckets(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	public String name() {
		return "rate-limit buckets";
	}

	@Override
	public int deleteExpired(Instant now) {
		return limits.buckets().deleteExpired(now);
	}
}

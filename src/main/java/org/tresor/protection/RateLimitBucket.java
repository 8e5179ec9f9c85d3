package org.tresor.protection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One Bucket4j bucket as {@link DatabaseBuckets} stores it: never loaded or changed as an entity, only through the
 * compare-and-swap queries of {@link RateLimitBuckets}; mapped so the schema is validated like every table.
 */
@Entity
@Table(name = "rate_limit_buckets")
class RateLimitBucket {

	@Id
	private String id;

	@Column(nullable = false)
	private byte[] state;

	@Column(name = "expires_at", nullable = false)
	private long expiresAt;

	protected RateLimitBucket() {
	}
}

package org.tresor.protection;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rows of the buckets, for what is not the check itself (the compare-and-swap is plain JDBC in
 * {@link DatabaseBuckets}): deleting expired and removed buckets.
 */
interface RateLimitBuckets extends Repository<RateLimitBucket, String> {

	@Transactional
	@Modifying
	@Query("delete from RateLimitBucket b where b.expiresAt < :now")
	int deleteExpiredBefore(long now);

	@Transactional
	@Modifying
	@Query("delete from RateLimitBucket b where b.id = :id")
	int delete(String id);
}

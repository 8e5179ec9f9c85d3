package org.tresor.protection;

import java.util.List;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statements Bucket4j's compare-and-swap needs, inside the one short transaction of a check ({@link RateLimits});
 * the clean-ups commit on their own.
 */
interface RateLimitBuckets extends Repository<RateLimitBucket, String> {

	@Transactional(propagation = Propagation.MANDATORY)
	@Query("select b.state from RateLimitBucket b where b.id = :id")
	List<byte[]> stateOf(String id);

	/** Fails with a duplicate key if another request created the bucket first. */
	@Transactional(propagation = Propagation.MANDATORY)
	@Modifying
	@Query("insert into RateLimitBucket (id, state, expiresAt) values (:id, :state, :expiresAt)")
	int create(String id, byte[] state, long expiresAt);

	/** 1 if the bucket still had {@code expected}, else 0 and nothing changed. */
	@Transactional(propagation = Propagation.MANDATORY)
	@Modifying
	@Query("update RateLimitBucket b set b.state = :state, b.expiresAt = :expiresAt where b.id = :id and b.state = :expected")
	int swap(String id, byte[] expected, byte[] state, long expiresAt);

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	@Modifying
	@Query("delete from RateLimitBucket b where b.expiresAt < :now")
	int deleteExpiredBefore(long now);

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	@Modifying
	@Query("delete from RateLimitBucket b where b.id = :id")
	int delete(String id);
}

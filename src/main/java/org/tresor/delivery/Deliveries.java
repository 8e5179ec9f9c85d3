package org.tresor.delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.tresor.parcel.ParcelBlobReferences;

interface Deliveries extends JpaRepository<Delivery, UUID> {

	boolean existsByReference(String reference);

	Slice<Delivery> findBySenderIdOrderByCreatedAtDesc(UUID sender, Pageable page);

	/** What the user may fetch as a recipient, newest first. */
	@Query("""
			select distinct d from Delivery d join d.recipients r
			where r.userId = :user and r.completedAt is not null and r.deletedAt is null
			  and d.purgedAt is null and d.expiresAt > :now
			order by d.createdAt desc, d.id""")
	Slice<Delivery> receivedBy(UUID user, Instant now, Pageable page);

	/** The sender's deliveries with a recipient still waiting for key packets. */
	@Query("""
			select distinct d from Delivery d join d.recipients r
			where d.senderId = :sender and r.completedAt is null and r.deletedAt is null
			  and d.purgedAt is null and d.expiresAt > :now
			order by d.createdAt""")
	List<Delivery> awaitingCompletionBy(UUID sender, Instant now);

	/** Deliveries with key packets still missing for {@code user}. */
	@Query("""
			select distinct d from Delivery d join d.recipients r
			where r.userId = :user and r.completedAt is null and r.deletedAt is null
			  and d.purgedAt is null and d.expiresAt > :now""")
	List<Delivery> awaitingCompletionFor(UUID user, Instant now);

	@Query("select d from Delivery d where d.purgedAt is null and d.expiresAt <= :now")
	List<Delivery> expiredUnpurged(Instant now);

	/** A delivery still waits for {@code user}: not deleted by them, not expired, not purged. */
	@Query("""
			select count(d) > 0 from Delivery d join d.recipients r
			where r.userId = :user and r.deletedAt is null and d.purgedAt is null and d.expiresAt > :now""")
	boolean pendingFor(UUID user, Instant now);

	@Query("select p.blobId from Delivery d join d.parts p where p.blobId in :blobs")
	List<String> referencedBlobs(Collection<String> blobs);

	@Query("""
			select p.blobId as blobId, d.reference as reference, p.kind as kind, p.position as position
			from Delivery d join d.parts p
			where p.blobId > :after
			order by p.blobId""")
	List<ParcelBlobReferences.PartBlob> referencedBlobsAfter(String after, Limit limit);

	/**
	 * Completes one recipient: the one statement that decides, so of two completions at once exactly one gets
	 * 1 (and grants and tells), the other waits for its row lock and then gets 0.
	 */
	@Modifying(flushAutomatically = true)
	@Query("update DeliveryRecipient r set r.completedAt = :now where r.id = :recipient and r.completedAt is null")
	int markCompleted(UUID recipient, Instant now);

	/** Records a recipient's first download: of two first downloads at once exactly one gets 1. */
	@Modifying(flushAutomatically = true)
	@Query("update DeliveryRecipient r set r.downloadedAt = :now where r.id = :recipient and r.downloadedAt is null")
	int markDownloaded(UUID recipient, Instant now);
}

package org.tresor.submission;

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

interface Submissions extends JpaRepository<Submission, UUID> {

	boolean existsByReference(String reference);

	/**
	 * Submissions in the user's boxes that were encrypted to the user, newest first. Ordered as the index
	 * {@code submissions_listing} is (V110), so a page reads a page's rows, not every readable submission.
	 */
	@Query("""
			select s from Submission s
			where s.deletedAt is null
			  and s.boxId in (select b.id from SubmitBox b join b.members m where m = :user)
			  and exists (select 1 from s.parts p join p.keyPackets k where key(k) = :user)
			order by s.deletedAt, s.receivedAt desc, s.id desc""")
	Slice<Submission> readableBy(UUID user, Pageable page);

	List<Submission> findByBoxIdAndDeletedAtIsNull(UUID box);

	/**
	 * Starts deleting: the one statement that decides, so of two deletions at once exactly one gets 1 (and
	 * records it), the other 0.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Submission s set s.deletedAt = :now, s.version = s.version + 1 where s.id = :id and s.deletedAt is null")
	int markDeleted(UUID id, Instant now);

	/** Removes a row whose deletion started; parts and key packets go with it (ON DELETE CASCADE). */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("delete from Submission s where s.id = :id and s.deletedAt is not null")
	int removeDeleted(UUID id);

	/** Records the first download; a download never competes with a deletion for the row's version. */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Submission s set s.downloadedAt = :now where s.id = :id and s.downloadedAt is null and s.deletedAt is null")
	int markDownloaded(UUID id, Instant now);

	@Query("select s.id from Submission s where s.deletedAt is null and s.receivedAt < :before")
	List<UUID> idsReceivedBefore(Instant before);

	@Query("select s.id from Submission s where s.deletedAt is not null")
	List<UUID> idsOfDeletionsInProgress();

	@Query("select p.blobId from Submission s join s.parts p where s.deletedAt is null and p.blobId in :blobs")
	List<String> referencedBlobs(Collection<String> blobs);

	@Query("""
			select p.blobId as blobId, s.reference as reference, p.kind as kind, p.position as position
			from Submission s join s.parts p
			where s.deletedAt is null and p.blobId > :after
			order by p.blobId""")
	List<ParcelBlobReferences.PartBlob> referencedBlobsAfter(String after, Limit limit);
}

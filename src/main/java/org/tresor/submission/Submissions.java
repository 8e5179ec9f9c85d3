package org.tresor.submission;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;

interface Submissions extends JpaRepository<Submission, UUID> {

	boolean existsByReference(String reference);

	/** Submissions in the user's boxes that were encrypted to the user, newest first. */
	@Query("""
			select distinct s from Submission s join s.parts p join p.keyPackets k
			where key(k) = :user
			  and s.boxId in (select b.id from SubmitBox b join b.members m where m = :user)
			order by s.receivedAt desc""")
	List<Submission> readableBy(UUID user);

	List<Submission> findByBoxId(UUID box);
}

package org.tresor.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.CrudRepository;
import org.tresor.LinkToken;

interface SetupLinks extends CrudRepository<SetupLink, UUID> {

	Optional<SetupLink> findByTokenHash(String tokenHash);

	default Optional<SetupLink> findByToken(LinkToken token) {
		return findByTokenHash(token.hash());
	}

	List<SetupLink> findByPurposeAndCreatedAtAfterOrderByCreatedAtDesc(SetupLink.Purpose purpose, Instant createdAfter);

	@Modifying
	@Query("delete from SetupLink l where l.purpose = :purpose")
	void deleteByPurpose(SetupLink.Purpose purpose);

	/** Links that expired or were used: neither can ever open anything again. */
	@Modifying
	@Query("delete from SetupLink l where l.expiresAt <= :now or l.usedAt is not null")
	int deleteUnusable(Instant now);

	@Modifying
	@Query("delete from SetupLink l where l.userId = :userId")
	void deleteByUserId(UUID userId);
}

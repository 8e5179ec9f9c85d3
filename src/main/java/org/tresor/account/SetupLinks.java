package org.tresor.account;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.CrudRepository;
import org.tresor.kernel.LinkToken;

interface SetupLinks extends CrudRepository<SetupLink, UUID> {

	Optional<SetupLink> findByTokenHash(String tokenHash);

	default Optional<SetupLink> findByToken(LinkToken token) {
		return findByTokenHash(token.hash());
	}

	/**
	 * The link of {@code token} for {@code purpose}, unused and unexpired at {@code now}.
	 *
	 * @throws SetupLinkUnusableException for any other token: unknown, of another purpose, used or expired alike
	 */
	default SetupLink usable(LinkToken token, SetupLink.Purpose purpose, Instant now) {
		return findByToken(token).filter(link -> link.purpose() == purpose && link.isUsable(now))
			.orElseThrow(SetupLinkUnusableException::new);
	}

	List<SetupLink> findByPurposeAndCreatedAtAfterOrderByCreatedAtDesc(SetupLink.Purpose purpose, Instant createdAfter);

	@Modifying
	@Query("delete from SetupLink l where l.purpose = :purpose")
	void deleteByPurpose(SetupLink.Purpose purpose);

	/** Links that expired or were used: neither can ever open anything again. */
	@Modifying
	@Query("delete from SetupLink l where l.expiresAt <= :now or l.usedAt is not null")
	int deleteUnusable(Instant now);

	/** Those of {@code users} who hold a set-up link that still works. */
	@Query("select distinct l.userId from SetupLink l where l.userId in :users and l.usedAt is null and l.expiresAt > :now")
	List<UUID> withUsableLink(Collection<UUID> users, Instant now);

	@Modifying
	@Query("delete from SetupLink l where l.userId = :userId")
	void deleteByUserId(UUID userId);

	@Modifying
	@Query("delete from SetupLink l where l.userId = :userId and l.purpose = :purpose")
	void deleteByUserIdAndPurpose(UUID userId, SetupLink.Purpose purpose);
}

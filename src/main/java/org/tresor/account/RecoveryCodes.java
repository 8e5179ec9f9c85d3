package org.tresor.account;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.CrudRepository;

import jakarta.persistence.LockModeType;

interface RecoveryCodes extends CrudRepository<RecoveryCode, UUID> {

	/** The unused code, locked: two requests with the same code take turns, and only the first gets in. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from RecoveryCode c where c.userId = :userId and c.codeHash = :codeHash and c.usedAt is null")
	Optional<RecoveryCode> findUnused(UUID userId, String codeHash);

	@Query("select count(c) from RecoveryCode c where c.userId = :userId and c.usedAt is null")
	long countUnused(UUID userId);

	@Modifying
	@Query("delete from RecoveryCode c where c.userId = :userId")
	void deleteByUserId(UUID userId);
}

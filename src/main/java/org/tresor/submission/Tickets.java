package org.tresor.submission;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface Tickets extends JpaRepository<Ticket, UUID> {

	Optional<Ticket> findByTokenHash(String tokenHash);

	@Modifying
	@Query("delete from Ticket t where t.expiresAt <= :now")
	int deleteExpired(Instant now);
}

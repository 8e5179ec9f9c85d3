package org.tresor.submission;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Tickets extends JpaRepository<Ticket, UUID> {

	Optional<Ticket> findByTokenHash(String tokenHash);
}

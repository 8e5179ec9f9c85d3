package org.tresor.audit;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

/** Append and read only: no update, no delete. */
interface AuditEntries extends Repository<AuditEntry, UUID> {

	AuditEntry save(AuditEntry entry);

	List<AuditEntry> findByOrderByOccurredAtDesc(Limit limit);

	long count();
}

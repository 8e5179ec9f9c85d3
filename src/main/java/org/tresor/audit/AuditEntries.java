package org.tresor.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Append and read only: no update, no delete. */
interface AuditEntries extends Repository<AuditEntry, UUID> {

	AuditEntry save(AuditEntry entry);

	List<AuditEntry> findByOrderByOccurredAtDesc(Limit limit);

	long count();

	/** {@code actor} is a lower-case LIKE pattern with backslash as escape character. */
	@Query(value = """
			select e from AuditEntry e where lower(e.actor) like :actor escape '\\' and e.action in :actions
			and e.occurredAt >= :from and e.occurredAt < :to order by e.occurredAt desc, e.id""", countQuery = """
			select count(e) from AuditEntry e where lower(e.actor) like :actor escape '\\' and e.action in :actions
			and e.occurredAt >= :from and e.occurredAt < :to""")
	Page<AuditEntry> search(String actor, Collection<String> actions, Instant from, Instant to, Pageable page);
}

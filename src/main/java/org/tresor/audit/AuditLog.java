package org.tresor.audit;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log. */
@Service
public class AuditLog {

	static final int MAX_LIMIT = 1000;

	private final AuditEntries entries;

	AuditLog(AuditEntries entries) {
		this.entries = entries;
	}

	/** The newest {@code limit} entries (at most 1000), newest first. */
	@Transactional(readOnly = true)
	public List<AuditEntryView> recent(int limit) {
		if (limit < 1) {
			return List.of();
		}
		return entries.findByOrderByOccurredAtDesc(Limit.of(Math.min(limit, MAX_LIMIT))).stream()
				.map(AuditEntry::toView).toList();
	}
}

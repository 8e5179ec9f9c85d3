package org.tresor.audit;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tresor.kernel.TresorProperties;

/** Reads the audit log; nothing in the application changes or deletes an entry. */
@Service
public class AuditLog {

	static final int MAX_LIMIT = 1000;

	static final int PAGE_SIZE = 50;

	private final AuditEntries entries;

	private final TresorProperties tresor;

	AuditLog(AuditEntries entries, TresorProperties tresor) {
		this.entries = entries;
		this.tresor = tresor;
	}

	/** Page {@code page} (from 0) of the entries matching {@code filter}, newest first. */
	@Transactional(readOnly = true)
	Page<AuditEntryView> search(AuditFilter filter, int page) {
		var zone = tresor.timeZone();
		return entries.search(filter.actorPattern(), filter.actions(), filter.start(zone), filter.end(zone),
				PageRequest.of(Math.max(page, 0), PAGE_SIZE)).map(AuditEntry::toView);
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

package org.tresor.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the administrator looks for on {@code /admin/audit}; every part may be empty.
 *
 * @param actor part of the actor's address, any case
 * @param action one {@link AuditAction} name
 * @param from first day shown, in Tresor's time zone
 * @param to last day shown (inclusive)
 */
record AuditFilter(String actor, String action, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

	static final int MAX_ACTOR = 254;

	/** No later entry can exist; PostgreSQL and H2 both store this. */
	private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

	AuditFilter {
		actor = actor == null ? "" : actor.strip();
		action = action == null ? "" : action.strip();
	}

	/** Field name to message key of what cannot be searched for; empty if the filter is usable. */
	Map<String, String> problems() {
		var problems = new LinkedHashMap<String, String>();
		if (actor.length() > MAX_ACTOR) {
			problems.put("actor", "audit.error.actor");
		}
		if (!action.isEmpty() && Arrays.stream(AuditAction.values()).noneMatch(known -> known.name().equals(action))) {
			problems.put("action", "audit.error.action");
		}
		if (from != null && to != null && from.isAfter(to)) {
			problems.put("to", "audit.error.range");
		}
		return problems;
	}

	String actorPattern() {
		var escaped = actor.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + escaped + "%";
	}

	List<String> actions() {
		return action.isEmpty() ? Arrays.stream(AuditAction.values()).map(Enum::name).toList() : List.of(action);
	}

	Instant start(ZoneId zone) {
		return from == null ? Instant.EPOCH : from.atStartOfDay(zone).toInstant();
	}

	Instant end(ZoneId zone) {
		return to == null ? END_OF_TIME : to.plusDays(1).atStartOfDay(zone).toInstant();
	}

	boolean isEmpty() {
		return actor.isEmpty() && action.isEmpty() && from == null && to == null;
	}
}

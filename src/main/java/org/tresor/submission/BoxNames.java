package org.tresor.submission;

import java.util.Map;
import java.util.Set;

/** Rules for a new box's address ({@code /submit/{slug}}) and name. */
final class BoxNames {

	/** Paths under /submit/ that belong to the application, not to a box. */
	private static final Set<String> RESERVED = Set.of("t", "sent");

	private BoxNames() {
	}

	/** The field and message key of the first problem, or null when both are fine. */
	static Map.Entry<String, String> problemWith(String slug, String name) {
		if (!slug.matches("[a-z0-9-]{1,64}") || RESERVED.contains(slug)) {
			return Map.entry("slug", "boxes.slug.invalid");
		}
		if (name.isBlank() || name.length() > 200) {
			return Map.entry("name", "boxes.name.invalid");
		}
		return null;
	}
}

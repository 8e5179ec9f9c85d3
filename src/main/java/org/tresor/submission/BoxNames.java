package org.tresor.submission;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Rules for a box's address ({@code /submit/{slug}}) and name; problems come as field and message key. */
final class BoxNames {

	/** Paths under /submit/ that belong to the application, not to a box. */
	private static final Set<String> RESERVED = Set.of("t", "sent");

	private BoxNames() {
	}

	static Optional<Map.Entry<String, String>> problemWithSlug(String slug) {
		if (!slug.matches("[a-z0-9-]{1,64}") || RESERVED.contains(slug)) {
			return Optional.of(Map.entry("slug", "boxes.slug.invalid"));
		}
		return Optional.empty();
	}

	static Optional<Map.Entry<String, String>> problemWithName(String name) {
		if (name.isBlank() || name.strip().length() > 200) {
			return Optional.of(Map.entry("name", "boxes.name.invalid"));
		}
		return Optional.empty();
	}
}

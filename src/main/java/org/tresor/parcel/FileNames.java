package org.tresor.parcel;

import java.text.Normalizer;

/**
 * A client-supplied file name is data, never a path: this turns it into something safe to show and to
 * offer as a download name. Storage never uses it.
 */
public final class FileNames {

	static final int MAX_LENGTH = 200;

	static final String FALLBACK = "file";

	private FileNames() {
	}

	public static String forDisplay(String raw) {
		if (raw == null) {
			return FALLBACK;
		}
		var name = Normalizer.normalize(raw, Normalizer.Form.NFC);
		// browsers on Windows used to send full paths; keep only the last segment
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		var cleaned = new StringBuilder(name.length());
		name.codePoints()
			.filter(FileNames::isShown)
			.forEach(cleaned::appendCodePoint);
		name = cleaned.toString().strip();
		while (name.startsWith(".")) {
			name = name.substring(1).strip();
		}
		if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
			name = keepEnd(name);
		}
		return name.isEmpty() ? FALLBACK : name;
	}

	/**
	 * Control characters (NUL, CR, LF, escape sequences), format characters (right-to-left override,
	 * zero-width), line and paragraph separators, unassigned and lone surrogate code points never show.
	 */
	private static boolean isShown(int c) {
		return switch (Character.getType(c)) {
			case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
					Character.UNASSIGNED, Character.SURROGATE -> false;
			default -> true;
		};
	}

	/** Shortens from the front of the stem so the extension survives. */
	private static String keepEnd(String name) {
		int dot = name.lastIndexOf('.');
		var extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
		var stem = name.substring(0, name.length() - extension.length());
		int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
		return stem.substring(0, stem.offsetByCodePoints(0, keep)) + extension;
	}
}

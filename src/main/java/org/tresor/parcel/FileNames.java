package org.tresor.parcel;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A client-supplied file name is data, never a path: this turns it into something safe to show and to
 * offer as a download name. Storage never uses it.
 * <p>
 * The name is also one that every common file system takes as a plain name in the current folder, as it is
 * when a ZIP is unpacked: no drive ({@code C:}), no alternate data stream ({@code :}), no character Windows
 * forbids ({@code < > : " | ? *}), no character that looks like or is folded into a slash or one of those
 * (fullwidth and division slashes, fullwidth backslash, …), no device name ({@code CON}, {@code NUL.txt},
 * {@code COM1}, …), no trailing dot or space (Windows drops them, so two names would meet). Each such
 * character becomes {@code _}, so the name stays readable.
 */
public final class FileNames {

	static final int MAX_LENGTH = 200;

	static final String FALLBACK = "file";

	private static final String REPLACEMENT = "_";

	/** Characters Windows refuses in a name, slashes included; anything folding into one of them goes too. */
	private static final String FORBIDDEN = "/\\:*?\"<>|";

	/** Look-alikes of a slash or backslash that no Unicode compatibility folding turns into one. */
	private static final Set<Integer> SLASH_LOOKALIKES = Set.of(0x2044, 0x2215, 0x2216, 0x2571, 0x2572, 0x27CB,
			0x27CD, 0x29F5, 0x29F8, 0x29F9, 0x3033, 0x31D3, 0x31D4, 0x1735);

	/** A device name before the first dot, whatever the case or extension, trailing spaces forgiven. */
	private static final Pattern DEVICE = Pattern.compile(
			"(CON|PRN|AUX|NUL|CONIN\\$|CONOUT\\$|CLOCK\\$|(COM|LPT)[0-9\u00B9\u00B2\u00B3]) *(\\..*)?",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

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
			.forEach(c -> {
				if (isPathSyntax(c)) {
					cleaned.append(REPLACEMENT);
				}
				else {
					cleaned.appendCodePoint(c);
				}
			});
		name = cleaned.toString().strip();
		while (name.startsWith(".")) {
			name = name.substring(1).strip();
		}
		name = withoutTrailingDotsAndSpaces(name);
		if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
			name = withoutTrailingDotsAndSpaces(keepEnd(name));
		}
		if (DEVICE.matcher(name).matches()) {
			name = REPLACEMENT + name;
		}
		return name.isEmpty() ? FALLBACK : name;
	}

	/** A separator, drive or stream colon, wildcard or redirection on some system, or a look-alike of one. */
	private static boolean isPathSyntax(int c) {
		if (c < 0x80) {
			return FORBIDDEN.indexOf(c) >= 0;
		}
		if (SLASH_LOOKALIKES.contains(c)) {
			return true;
		}
		var folded = Normalizer.normalize(Character.toString(c), Normalizer.Form.NFKC);
		return folded.chars().anyMatch(f -> FORBIDDEN.indexOf(f) >= 0);
	}

	/** Windows drops them when it creates the file, so {@code a.txt.} would become {@code a.txt}. */
	private static String withoutTrailingDotsAndSpaces(String name) {
		int end = name.length();
		while (end > 0 && (name.charAt(end - 1) == '.' || Character.isWhitespace(name.charAt(end - 1))
				|| Character.isSpaceChar(name.charAt(end - 1)))) {
			end--;
		}
		return name.substring(0, end);
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

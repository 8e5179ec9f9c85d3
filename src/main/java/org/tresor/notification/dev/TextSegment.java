package org.tresor.notification.dev;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A piece of a mail's text: plain text, or a link whose text is its address. The mailbox page renders a list
 * of these with {@code th:text} and {@code th:href}, so mail content is never markup.
 */
record TextSegment(String text, boolean link) {

	private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+");

	/** Punctuation that ends a sentence rather than the link before it. */
	private static final String TRAILING = ".,;:!?)]}";

	static List<TextSegment> of(String text) {
		var segments = new ArrayList<TextSegment>();
		var matcher = URL.matcher(text);
		var position = 0;
		while (matcher.find()) {
			var end = matcher.end();
			while (end > matcher.start() && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
				end--;
			}
			if (matcher.start() > position) {
				segments.add(new TextSegment(text.substring(position, matcher.start()), false));
			}
			segments.add(new TextSegment(text.substring(matcher.start(), end), true));
			position = end;
		}
		if (position < text.length()) {
			segments.add(new TextSegment(text.substring(position), false));
		}
		return List.copyOf(segments);
	}
}

package org.tresor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy allows scripts and styles only as files from this server, so no page template may
 * hold inline code: it would not run, and allowing it would let injected markup run too. Mail templates are not
 * pages (mail clients need inline styles) and are left out.
 */
class InlineCodeTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final List<Pattern> INLINE_CODE = List.of(
			Pattern.compile("<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE),
			Pattern.compile("<script[^>]*>[^<\\s]", Pattern.CASE_INSENSITIVE),
			Pattern.compile("<style", Pattern.CASE_INSENSITIVE),
			Pattern.compile("\\s(th:)?style\\s*=", Pattern.CASE_INSENSITIVE),
			Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE),
			Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE));

	@Test
	void noPageTemplateHoldsInlineScriptsStylesOrEventHandlers() throws IOException {
		var pages = pageTemplates();
		assertThat(pages).as("page templates found").hasSizeGreaterThan(20);
		var found = new ArrayList<String>();
		for (var page : pages) {
			var text = Files.readString(page);
			for (var pattern : INLINE_CODE) {
				var matcher = pattern.matcher(text);
				while (matcher.find()) {
					found.add(TEMPLATES.relativize(page) + ": " + matcher.group());
				}
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void theRulesRecogniseInlineCode() {
		for (var snippet : List.of("<script>alert(1)</script>", "<p style=\"color:red\">", "<a onclick=\"x()\">",
				"<button th:onclick=\"x()\">", "<style>p{}</style>", "<a href=\"javascript:x()\">")) {
			assertThat(INLINE_CODE).as(snippet).anyMatch(pattern -> pattern.matcher(snippet).find());
		}
		assertThat(INLINE_CODE).noneMatch(pattern -> pattern.matcher("<script th:src=\"@{/js/upload.js}\" defer></script>").find());
	}

	private static List<Path> pageTemplates() throws IOException {
		try (var files = Files.walk(TEMPLATES)) {
			return files.filter(file -> file.toString().endsWith(".html"))
				.filter(file -> !TEMPLATES.relativize(file).startsWith("notification")
						|| TEMPLATES.relativize(file).startsWith(Path.of("notification", "dev")))
				.toList();
		}
	}
}

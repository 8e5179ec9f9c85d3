package org.tresor.notification.dev;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextSegmentTests {

	@Test
	void turnsUrlsIntoLinks() {
		assertThat(TextSegment.of("Open https://tresor.example.org/submit/t/abc now")).containsExactly(
				new TextSegment("Open ", false),
				new TextSegment("https://tresor.example.org/submit/t/abc", true),
				new TextSegment(" now", false));
	}

	@Test
	void leavesSentencePunctuationOutOfTheLink() {
		assertThat(TextSegment.of("See http://localhost:8080/inbox/1.")).containsExactly(
				new TextSegment("See ", false),
				new TextSegment("http://localhost:8080/inbox/1", true),
				new TextSegment(".", false));
	}

	@Test
	void linksOnlyHttpAndHttps() {
		assertThat(TextSegment.of("javascript:alert(1) ftp://x mailto:a@b")).containsExactly(
				new TextSegment("javascript:alert(1) ftp://x mailto:a@b", false));
	}

	@Test
	void keepsLineBreaksAndMarkupAsText() {
		assertThat(TextSegment.of("a\n<b>https://x.org/<script></b>")).containsExactly(
				new TextSegment("a\n<b>", false),
				new TextSegment("https://x.org/", true),
				new TextSegment("<script></b>", false));
	}

	@Test
	void returnsNothingForAnEmptyText() {
		assertThat(TextSegment.of("")).isEmpty();
	}
}

package org.tresor;

import static org.assertj.core.api.Assertions.assertThat;

/** What every download, inbound or outbound, looks like on the wire. */
public final class Attachments {

	private Attachments() {
	}

	/**
	 * Complete, and an attachment the browser neither renders, sniffs nor caches, whose name header stays
	 * printable ASCII whatever the file was called.
	 */
	public static void assertAttachment(RawHttp.Response download) {
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.complete()).isTrue();
		assertThat(download.header("Content-Type")).isEqualTo("application/octet-stream");
		assertThat(download.header("Content-Disposition")).startsWith("attachment; filename=\"")
			.contains("; filename*=UTF-8''")
			.matches("[\\x20-\\x7E]+");
		assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(download.header("Cache-Control")).contains("no-store");
	}
}

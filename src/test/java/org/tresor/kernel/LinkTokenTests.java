package org.tresor.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkTokenTests {

	@Test
	void carries256RandomBitsInBase64Url() {
		var token = LinkToken.random();
		assertThat(token.value()).matches("[A-Za-z0-9_-]{43}");
		assertThat(LinkToken.random()).isNotEqualTo(token);
	}

	@Test
	void isStoredAsSha256Hex() {
		var token = new LinkToken("A".repeat(43));
		assertThat(token.hash()).matches("[0-9a-f]{64}").isEqualTo(new LinkToken("A".repeat(43)).hash());
		assertThat(LinkToken.random().hash()).isNotEqualTo(token.hash());
	}

	@Test
	void parsesOnlyWellFormedTokens() {
		assertThat(LinkToken.parse(LinkToken.random().value())).isPresent();
		assertThat(LinkToken.parse("short")).isEmpty();
		assertThat(LinkToken.parse("A".repeat(42) + "=")).isEmpty();
		assertThat(LinkToken.parse(null)).isEmpty();
	}

	@Test
	void neverShowsItself() {
		var token = LinkToken.random();
		assertThat(token.toString()).doesNotContain(token.value());
	}
}

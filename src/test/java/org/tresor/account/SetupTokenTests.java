package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SetupTokenTests {

	@Test
	void carries256RandomBitsInBase64Url() {
		var token = SetupToken.random();
		assertThat(token.value()).matches("[A-Za-z0-9_-]{43}");
		assertThat(SetupToken.random()).isNotEqualTo(token);
	}

	@Test
	void isStoredAsSha256Hex() {
		var token = new SetupToken("A".repeat(43));
		assertThat(token.hash()).matches("[0-9a-f]{64}").isEqualTo(new SetupToken("A".repeat(43)).hash());
		assertThat(SetupToken.random().hash()).isNotEqualTo(token.hash());
	}

	@Test
	void parsesOnlyWellFormedTokens() {
		assertThat(SetupToken.parse(SetupToken.random().value())).isPresent();
		assertThat(SetupToken.parse("short")).isEmpty();
		assertThat(SetupToken.parse("A".repeat(42) + "=")).isEmpty();
		assertThat(SetupToken.parse(null)).isEmpty();
	}

	@Test
	void neverShowsItself() {
		var token = SetupToken.random();
		assertThat(token.toString()).doesNotContain(token.value());
	}
}

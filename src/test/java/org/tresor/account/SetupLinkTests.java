package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.tresor.kernel.LinkToken;

class SetupLinkTests {

	private final Instant now = Instant.parse("2025-01-01T10:00:00Z");

	private final SetupLink link = SetupLink.forAccount(LinkToken.random(), UserId.random(), now, Duration.ofDays(7));

	@Test
	void worksOnce() {
		link.consume(now.plusSeconds(60));
		assertThat(link.isUsable(now.plusSeconds(61))).isFalse();
		assertThatExceptionOfType(SetupLinkUnusableException.class).isThrownBy(() -> link.consume(now.plusSeconds(62)));
	}

	@Test
	void expires() {
		assertThat(link.isUsable(now.plus(Duration.ofDays(7)).minusMillis(1))).isTrue();
		assertThat(link.isUsable(now.plus(Duration.ofDays(7)))).isFalse();
		assertThatExceptionOfType(SetupLinkUnusableException.class)
			.isThrownBy(() -> link.consume(now.plus(Duration.ofDays(8))));
	}

	@Test
	void keepsOnlyTheHashOfItsToken() {
		var token = LinkToken.random();
		var first = SetupLink.forFirstAdministrator(token, now, Duration.ofHours(24));
		assertThat(first.purpose()).isEqualTo(SetupLink.Purpose.FIRST_ADMIN);
		assertThat(first.user()).isEmpty();
		assertThat(first).hasFieldOrPropertyWithValue("tokenHash", token.hash());
	}
}

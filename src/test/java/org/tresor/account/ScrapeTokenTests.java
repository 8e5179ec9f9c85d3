package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tresor.kernel.InvalidSettingException;

class ScrapeTokenTests {

	static final String TOKEN = "0123456789abcdefghijklmnopqrstuvwxyz";

	@Test
	void matchesOnlyTheConfiguredToken() {
		var token = new ScrapeToken(new MetricsScrapeProperties(TOKEN));
		assertThat(token.matches(TOKEN)).isTrue();
		assertThat(token.matches(TOKEN + "x")).isFalse();
		assertThat(token.matches(TOKEN.substring(1))).isFalse();
		assertThat(token.matches("")).isFalse();
		assertThat(token.matches(null)).isFalse();
	}

	@Test
	void matchesNothingWhenNoneIsConfigured() {
		var token = new ScrapeToken(new MetricsScrapeProperties(""));
		assertThat(token.matches("")).isFalse();
		assertThat(token.matches(TOKEN)).isFalse();
		assertThat(new ScrapeToken(new MetricsScrapeProperties(null)).matches("")).isFalse();
	}

	@Test
	void refusesAShortOrBlankTokenNamingTheEnvironmentVariable() {
		for (var weak : new String[] { "short", "x".repeat(31), " ".repeat(40), TOKEN + " with spaces" }) {
			assertThatThrownBy(() -> new MetricsScrapeProperties(weak)).isInstanceOf(InvalidSettingException.class)
				.satisfies(e -> assertThat(((InvalidSettingException) e).environmentVariable())
					.isEqualTo("TRESOR_METRICS_SCRAPE_TOKEN"));
		}
	}

	@Test
	void neverShowsTheTokenInItsSettings() {
		assertThat(new MetricsScrapeProperties(TOKEN).toString()).doesNotContain(TOKEN);
	}
}

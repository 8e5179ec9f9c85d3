package org.tresor.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.tresor.kernel.InvalidSettingException;

/**
 * @param scrapeToken the bearer token with which a monitoring system (Prometheus: {@code authorization:
 * credentials}) reads {@code /actuator/prometheus} and nothing else; empty: only administrators signed in
 * through the login page can read it. Never a user's password: HTTP Basic is not accepted anywhere.
 */
@ConfigurationProperties("tresor.metrics")
record MetricsScrapeProperties(@DefaultValue("") String scrapeToken) {

	static final int MIN_LENGTH = 32;

	MetricsScrapeProperties {
		scrapeToken = scrapeToken == null ? "" : scrapeToken;
		if (!scrapeToken.isEmpty() && (scrapeToken.length() < MIN_LENGTH || !scrapeToken.matches("[\\x21-\\x7E]+"))) {
			throw new InvalidSettingException("tresor.metrics.scrape-token", "must be empty (no scraping without"
					+ " signing in) or at least " + MIN_LENGTH + " printable ASCII characters without spaces, such as"
					+ " the output of 'openssl rand -base64 32'");
		}
	}

	/** Never the token itself. */
	@Override
	public String toString() {
		return "MetricsScrapeProperties[scrapeToken=" + (scrapeToken.isEmpty() ? "" : "***") + "]";
	}
}

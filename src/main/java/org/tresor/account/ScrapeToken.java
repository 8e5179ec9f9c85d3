package org.tresor.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.tresor.kernel.Sha256;

/**
 * The monitoring system's credential ({@code TRESOR_METRICS_SCRAPE_TOKEN}). Kept as its SHA-256 only, and a
 * presented token is compared by hash in constant time ({@link MessageDigest#isEqual}), so neither the time of
 * the comparison nor a heap dump gives the token away.
 */
@Component
class ScrapeToken {

	private final Optional<byte[]> hash;

	ScrapeToken(MetricsScrapeProperties properties) {
		this.hash = properties.scrapeToken().isEmpty() ? Optional.empty()
				: Optional.of(Sha256.hex(properties.scrapeToken()).getBytes(StandardCharsets.US_ASCII));
	}

	/** Whether {@code presented} is the configured token; always false when none is configured. */
	boolean matches(String presented) {
		if (presented == null || hash.isEmpty()) {
			return false;
		}
		return MessageDigest.isEqual(hash.get(), Sha256.hex(presented).getBytes(StandardCharsets.US_ASCII));
	}
}

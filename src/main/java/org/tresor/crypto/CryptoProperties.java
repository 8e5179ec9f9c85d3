package org.tresor.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * Settings of the crypto module. {@code maxConcurrentUnlocks} bounds how many Argon2 derivations (64 MiB
 * of heap each) run at once: unlocking, exporting and generating keys wait for a permit.
 */
@Validated
@ConfigurationProperties("tresor.crypto")
record CryptoProperties(@DefaultValue("2") @Min(1) int maxConcurrentUnlocks) {

	CryptoProperties {
		if (maxConcurrentUnlocks < 1) {
			throw new IllegalArgumentException("tresor.crypto.max-concurrent-unlocks must be at least 1, was "
					+ maxConcurrentUnlocks);
		}
	}
}

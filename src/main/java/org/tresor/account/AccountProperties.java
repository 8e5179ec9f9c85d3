package org.tresor.account;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * @param firstAdminLinkLifetime how long the one-time URL for the first administrator works
 * @param setupLinkLifetime how long an invitation's setup link works
 * @param passwordResetLinkLifetime how long the link of a "Forgot password?" mail works
 * @param maxConcurrentPasswordHashes how many Argon2id password hashes and checks (sign-in, set-up, password
 * change; 19 MiB of heap and most of a core each) run at once ({@code TRESOR_ACCOUNT_MAX_CONCURRENT_PASSWORD_HASHES});
 * 0, the default, means half the processors (at least one), so that a burst of sign-ins leaves the other half to
 * the pages
 * @param secretsKey the key that seals TOTP secrets in the database ({@code TRESOR_ACCOUNT_SECRETS_KEY}, at least 32
 * characters, the same on every instance); empty, the default, for a random key kept in the data directory
 * ({@link SealedSecrets})
 * @param maxQueuedPasswordHashes how many more wait for their turn; beyond them a request answers 503 with
 * {@code Retry-After} at once ({@code TRESOR_ACCOUNT_MAX_QUEUED_PASSWORD_HASHES})
 */
@Validated
@ConfigurationProperties("tresor.account")
record AccountProperties(@NotNull @DurationMin(minutes = 1) @DefaultValue("24h") Duration firstAdminLinkLifetime,
		@NotNull @DurationMin(minutes = 1) @DefaultValue("7d") Duration setupLinkLifetime,
		@NotNull @DurationMin(minutes = 1) @DefaultValue("1h") Duration passwordResetLinkLifetime,
		@Min(0) @DefaultValue("0") int maxConcurrentPasswordHashes,
		@Min(0) @DefaultValue("32") int maxQueuedPasswordHashes,
		@NotNull @Pattern(regexp = "|.{32,}", message = "must be empty or at least 32 characters") @DefaultValue("") String secretsKey) {

	/** How many password hashes run at once: as set, or half the processors. */
	int concurrentPasswordHashes() {
		return maxConcurrentPasswordHashes > 0 ? maxConcurrentPasswordHashes
				: Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
	}
}

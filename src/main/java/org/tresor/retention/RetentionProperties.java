package org.tresor.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * How long Tresor keeps things. Tickets and set-up links are deleted once they expire; how long they work is
 * set where they are made ({@code tresor.submission.ticket-lifetime}, {@code tresor.account.setup-link-lifetime}).
 *
 * @param submissions how long after arrival a submission is deleted, unless staff deleted it earlier
 * @param externalAccounts how long after their last login external accounts without a pending delivery are
 * removed
 * @param interval how often the retention job runs
 * @param delayAfterStartup when the first run after a start happens
 */
@Validated
@ConfigurationProperties("tresor.retention")
record RetentionProperties(
		@DefaultValue("90d") @NotNull Duration submissions,
		@DefaultValue("30d") @NotNull Duration externalAccounts,
		@DefaultValue("1h") @NotNull Duration interval,
		@DefaultValue("1m") @NotNull Duration delayAfterStartup) {
}

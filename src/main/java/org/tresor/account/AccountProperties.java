package org.tresor.account;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * @param firstAdminLinkLifetime how long the one-time URL for the first administrator works
 * @param setupLinkLifetime how long an invitation's setup link works
 */
@Validated
@ConfigurationProperties("tresor.account")
record AccountProperties(@NotNull @DurationMin(minutes = 1) @DefaultValue("24h") Duration firstAdminLinkLifetime,
		@NotNull @DurationMin(minutes = 1) @DefaultValue("7d") Duration setupLinkLifetime) {
}

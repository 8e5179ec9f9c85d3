package org.tresor.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Limits and expiry of outbound deliveries ({@code tresor.delivery.*}). */
@Validated
@ConfigurationProperties("tresor.delivery")
record DeliveryProperties(
		@DefaultValue("30d") @NotNull Duration defaultExpiry,
		@DefaultValue("90d") @NotNull Duration maxExpiry,
		@DefaultValue("20") @Positive int maxRecipients,
		@DefaultValue("2GB") @NotNull DataSize maxDeliverySize,
		@DefaultValue("2GB") @NotNull DataSize maxFileSize,
		@DefaultValue("100") @Positive int maxFiles,
		@DefaultValue("100000") @Positive int maxMessageLength) {

	long defaultExpiryDays() {
		return defaultExpiry.toDays();
	}

	long maxExpiryDays() {
		return maxExpiry.toDays();
	}
}

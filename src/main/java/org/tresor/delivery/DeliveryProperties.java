package org.tresor.delivery;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import org.tresor.kernel.InvalidSettingException;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Limits and expiry of outbound deliveries ({@code tresor.delivery.*}); checked when bound. */
@Validated
@ConfigurationProperties("tresor.delivery")
record DeliveryProperties(
		@DefaultValue("30d") @NotNull @DurationMin(days = 1) Duration defaultExpiry,
		@DefaultValue("90d") @NotNull @DurationMin(days = 1) Duration maxExpiry,
		@DefaultValue("20") @Positive int maxRecipients,
		@DefaultValue("2GB") @NotNull DataSize maxDeliverySize,
		@DefaultValue("2GB") @NotNull DataSize maxFileSize,
		@DefaultValue("100") @Positive int maxFiles,
		@DefaultValue("100000") @Positive int maxMessageLength) {

	DeliveryProperties {
		requirePositive("tresor.delivery.max-delivery-size", maxDeliverySize);
		requirePositive("tresor.delivery.max-file-size", maxFileSize);
		if (maxDeliverySize != null && maxFileSize != null && maxFileSize.compareTo(maxDeliverySize) > 0) {
			throw new InvalidSettingException("tresor.delivery.max-file-size", "must not be larger than "
					+ "tresor.delivery.max-delivery-size (" + maxDeliverySize + "), was " + maxFileSize);
		}
		if (defaultExpiry != null && maxExpiry != null && defaultExpiry.compareTo(maxExpiry) > 0) {
			throw new InvalidSettingException("tresor.delivery.default-expiry", "must not be longer than "
					+ "tresor.delivery.max-expiry (" + maxExpiry + "), was " + defaultExpiry);
		}
	}

	long defaultExpiryDays() {
		return defaultExpiry.toDays();
	}

	long maxExpiryDays() {
		return maxExpiry.toDays();
	}

	private static void requirePositive(String setting, DataSize size) {
		if (size != null && size.toBytes() <= 0) {
			throw new InvalidSettingException(setting, "must be a positive size such as 2GB or 500MB, was " + size);
		}
	}
}

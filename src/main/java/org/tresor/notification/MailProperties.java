package org.tresor.notification;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of outgoing mail. The SMTP server itself is Spring Boot's {@code spring.mail.*} (or the embedded
 * dev server).
 *
 * @param from the sender address of every mail
 * @param timeZone the zone in which mails state times (expiry, receipt)
 * @param retryInterval how often mails that failed (SMTP down) are tried again
 */
@Validated
@ConfigurationProperties("tresor.mail")
record MailProperties(
		@DefaultValue("tresor@localhost") @NotBlank String from,
		@DefaultValue("Europe/Berlin") @NotNull ZoneId timeZone,
		@DefaultValue("PT5M") @NotNull Duration retryInterval) {
}

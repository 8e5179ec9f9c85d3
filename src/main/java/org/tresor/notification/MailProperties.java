package org.tresor.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import org.hibernate.validator.constraints.time.DurationMin;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of outgoing mail. The SMTP server itself is Spring Boot's {@code spring.mail.*} (or the embedded
 * dev server). Times in mails use {@code tresor.time-zone}.
 *
 * @param from the sender address of every mail
 * @param retryInterval how long after a failed attempt (SMTP down) a mail is tried again; the wait doubles
 * with every further failure
 * @param maxRetryInterval the longest wait between two attempts
 */
@Validated
@ConfigurationProperties("tresor.mail")
record MailProperties(
		@DefaultValue("tresor@localhost") @NotBlank @Email(message = "must be one plain e-mail address such as tresor@example.org") String from,
		@DefaultValue("PT5M") @NotNull @DurationMin(seconds = 1) Duration retryInterval,
		@DefaultValue("PT2H") @NotNull @DurationMin(seconds = 1) Duration maxRetryInterval) {
}

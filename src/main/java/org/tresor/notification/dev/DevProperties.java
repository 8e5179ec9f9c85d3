package org.tresor.notification.dev;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The embedded default for development.
 *
 * @param mailbox whether the in-process SMTP server, the page {@code /dev/mailbox} and the dev banner exist
 * @param smtpPort the port of the in-process SMTP server on 127.0.0.1; 0 picks a free one
 * @param mailboxCapacity how many of the newest mails the dev mailbox keeps; older ones are forgotten, so a
 *        development server that runs for weeks (or under a load test) keeps a bounded heap
 */
@Validated
@ConfigurationProperties("tresor.dev")
record DevProperties(@DefaultValue("false") boolean mailbox, @DefaultValue("3025") @Min(0) @Max(65535) int smtpPort,
		@DefaultValue("1000") @Min(1) int mailboxCapacity) {
}

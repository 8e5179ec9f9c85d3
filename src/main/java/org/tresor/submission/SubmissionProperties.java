package org.tresor.submission;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import org.tresor.kernel.InvalidSettingException;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * @param ticketLifetime how long a mailed ticket link works
 * @param maxSubmissionSize the most all files of one submission may have together
 * @param maxFileSize the most one file may have; at most {@code maxSubmissionSize}
 * @param maxFiles files per submission
 * @param maxMessageLength characters of a submission's message
 * @param defaultBoxSlug address ({@code /submit/{slug}}) of the box created on first start
 * @param defaultBoxName name of that box
 * @param maxConcurrentTicketRequests ticket requests handled at once; 0 means two per processor
 * @param maxQueuedTicketRequests ticket requests that wait for their turn beyond those; any more are answered 503
 * with {@code Retry-After} at once. Each waiting one holds a worker thread ({@code server.tomcat.threads.max})
 * @param maxTicketRequestWait how long a ticket request waits for its turn at most before it is answered 503
 */
@Validated
@ConfigurationProperties("tresor.submission")
record SubmissionProperties(
		@DefaultValue("24h") @NotNull @DurationMin(minutes = 1) Duration ticketLifetime,
		@DefaultValue("2GB") @NotNull DataSize maxSubmissionSize,
		@DefaultValue("2GB") @NotNull DataSize maxFileSize,
		@DefaultValue("100") @Positive int maxFiles,
		@DefaultValue("100000") @Positive int maxMessageLength,
		@DefaultValue("info") @NotBlank @Pattern(regexp = "[a-z0-9-]{1,64}") String defaultBoxSlug,
		@DefaultValue("Info") @NotBlank String defaultBoxName,
		@DefaultValue("0") @PositiveOrZero int maxConcurrentTicketRequests,
		@DefaultValue("100") @PositiveOrZero int maxQueuedTicketRequests,
		@DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration maxTicketRequestWait) {

	SubmissionProperties {
		requirePositive("tresor.submission.max-submission-size", maxSubmissionSize);
		requirePositive("tresor.submission.max-file-size", maxFileSize);
		if (maxSubmissionSize != null && maxFileSize != null && maxFileSize.compareTo(maxSubmissionSize) > 0) {
			throw new InvalidSettingException("tresor.submission.max-file-size", "must not be larger than "
					+ "tresor.submission.max-submission-size (" + maxSubmissionSize + "), was " + maxFileSize);
		}
	}

	/** Ticket requests handled at once on this machine. */
	int concurrentTicketRequests() {
		return maxConcurrentTicketRequests > 0 ? maxConcurrentTicketRequests
				: 2 * Runtime.getRuntime().availableProcessors();
	}

	private static void requirePositive(String setting, DataSize size) {
		if (size != null && size.toBytes() <= 0) {
			throw new InvalidSettingException(setting, "must be a positive size such as 2GB or 500MB, was " + size);
		}
	}
}

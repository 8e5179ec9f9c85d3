package org.tresor.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.tresor.kernel.InvalidSettingException;

class SubmissionPropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@Test
	void hasDefaultsForEverything() {
		context.run(started -> {
			var properties = started.getBean(SubmissionProperties.class);
			assertThat(properties.maxSubmissionSize()).isEqualTo(DataSize.ofGigabytes(2));
			assertThat(properties.ticketLifetime()).hasHours(24);
			assertThat(properties.maxFiles()).isEqualTo(100);
		});
	}

	@Test
	void refusesAZeroSize() {
		context.withPropertyValues("tresor.submission.max-submission-size=0")
			.run(started -> assertThat(invalidSetting(started.getStartupFailure()))
				.returns("tresor.submission.max-submission-size", InvalidSettingException::setting)
				.returns("TRESOR_SUBMISSION_MAX_SUBMISSION_SIZE", InvalidSettingException::environmentVariable)
				.satisfies(invalid -> assertThat(invalid.problem()).startsWith("must be a positive size")));
	}

	@Test
	void refusesAFileLimitAboveTheSubmissionLimit() {
		context.withPropertyValues("tresor.submission.max-submission-size=10MB", "tresor.submission.max-file-size=20MB")
			.run(started -> assertThat(invalidSetting(started.getStartupFailure()))
				.returns("tresor.submission.max-file-size", InvalidSettingException::setting)
				.satisfies(invalid -> assertThat(invalid.problem()).startsWith("must not be larger than")));
	}

	@Test
	void refusesATicketLifetimeShorterThanAMinute() {
		context.withPropertyValues("tresor.submission.ticket-lifetime=0s")
			.run(started -> assertThat(started).getFailure().hasStackTraceContaining("ticketLifetime"));
	}

	@Test
	void refusesNoFiles() {
		context.withPropertyValues("tresor.submission.max-files=0")
			.run(started -> assertThat(started).getFailure().hasStackTraceContaining("maxFiles"));
	}

	@Test
	void handlesTwoTicketRequestsPerProcessorAtOnceUnlessSetOtherwise() {
		context.run(started -> assertThat(started.getBean(SubmissionProperties.class).concurrentTicketRequests())
			.isEqualTo(2 * Runtime.getRuntime().availableProcessors()));
		context.withPropertyValues("tresor.submission.max-concurrent-ticket-requests=3")
			.run(started -> assertThat(started.getBean(SubmissionProperties.class).concurrentTicketRequests())
				.isEqualTo(3));
	}

	@Test
	void refusesANegativeTicketRequestQueueAndNoWait() {
		context.withPropertyValues("tresor.submission.max-queued-ticket-requests=-1")
			.run(started -> assertThat(started).getFailure().hasStackTraceContaining("maxQueuedTicketRequests"));
		context.withPropertyValues("tresor.submission.max-ticket-request-wait=0s")
			.run(started -> assertThat(started).getFailure().hasStackTraceContaining("maxTicketRequestWait"));
	}

	/** The setting that stopped the start; {@code SettingsFailureAnalyzer} turns it into the message. */
	static InvalidSettingException invalidSetting(Throwable failure) {
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidSettingException invalid) {
				return invalid;
			}
		}
		throw new AssertionError("Not an invalid setting", failure);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SubmissionProperties.class)
	static class Settings {
	}
}

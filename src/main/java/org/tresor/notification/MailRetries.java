package org.tresor.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.tresor.kernel.ClusterJobs;
import org.tresor.account.AccountActivated;
import org.tresor.account.SetupLinkIssued;
import org.tresor.account.PasswordResetRequested;
import org.tresor.delivery.CompletionRequested;
import org.tresor.delivery.DeliveryDownloaded;
import org.tresor.delivery.DeliveryReady;
import org.tresor.delivery.RecipientInvited;
import org.tresor.submission.SubmissionReceived;
import org.tresor.submission.TicketIssued;

/**
 * Hands the failed publications of the events this module mails about back to their listeners (SMTP was
 * down, say), with exponential backoff: {@code tresor.mail.retry-interval} after the first failure, twice as
 * long after each further one, at most {@code tresor.mail.max-retry-interval}. Runs shortly after every
 * start (so mails that failed before a restart go out) and then regularly, on one instance at a time.
 *
 * <p>Each publication is handed back at most once at a time: the registry marks it resubmitted in one
 * conditional update before the listener runs, and publications stuck in progress on an instance that died
 * are marked failed after {@code spring.modulith.events.staleness.*}, never republished blindly.
 */
@Component
class MailRetries implements SchedulingConfigurer {

	static final String JOB = "mail-retries";

	/** The events mailed about, and those whose listener publishes one (an activation tells senders). */
	private static final Set<Class<?>> MAILED = Set.of(TicketIssued.class, SubmissionReceived.class,
			MemberToNotify.class, SetupLinkIssued.class, PasswordResetRequested.class, RecipientInvited.class, DeliveryReady.class,
			CompletionRequested.class, DeliveryDownloaded.class, AccountActivated.class);

	private static final Duration MAX_RUN_TIME = Duration.ofMinutes(10);

	/** Checked at least this often, so a short retry interval is honoured. */
	private static final Duration LONGEST_CHECK = Duration.ofMinutes(1);

	private final FailedEventPublications failed;

	private final ClusterJobs jobs;

	private final MailProperties properties;

	private final Clock clock;

	MailRetries(FailedEventPublications failed, ClusterJobs jobs, MailProperties properties, Clock clock) {
		this.failed = failed;
		this.jobs = jobs;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		var check = properties.retryInterval().compareTo(LONGEST_CHECK) < 0 ? properties.retryInterval() : LONGEST_CHECK;
		jobs.schedule(registrar, JOB, check, check, MAX_RUN_TIME, this::retry);
	}

	void retry() {
		var now = clock.instant();
		failed.resubmit(ResubmissionOptions.defaults()
				.withBatchSize(1000)
				.withFilter(publication -> MAILED.contains(publication.getEvent().getClass()) && isDue(publication, now)));
	}

	/** Due once the backoff for the attempts so far has passed since the last attempt started. */
	boolean isDue(EventPublication publication, Instant now) {
		var lastAttempt = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
				: publication.getPublicationDate();
		return !now.isBefore(lastAttempt.plus(backoff(publication.getCompletionAttempts())));
	}

	/** The wait after {@code resubmissions} retries: the interval, doubled per retry, capped. */
	Duration backoff(int resubmissions) {
		var wait = properties.retryInterval();
		for (int i = 0; i < resubmissions && wait.compareTo(properties.maxRetryInterval()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(properties.maxRetryInterval()) < 0 ? wait : properties.maxRetryInterval();
	}
}

package org.tresor.notification;

import java.util.Set;

import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.tresor.account.SetupLinkIssued;
import org.tresor.submission.SubmissionReceived;
import org.tresor.submission.TicketIssued;

/**
 * Every {@code tresor.mail.retry-interval}, hands the failed publications of the events this module mails
 * about back to their listeners (SMTP was down, say). Restarts republish them as well.
 */
@Component
class MailRetries implements SchedulingConfigurer {

	private static final Set<Class<?>> MAILED = Set.of(TicketIssued.class, SubmissionReceived.class,
			SetupLinkIssued.class);

	private final FailedEventPublications failed;

	private final MailProperties properties;

	MailRetries(FailedEventPublications failed, MailProperties properties) {
		this.failed = failed;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		// restarts republish by themselves, so the first retry waits one interval
		registrar.addFixedDelayTask(new FixedDelayTask(this::retry, properties.retryInterval(), properties.retryInterval()));
	}

	void retry() {
		failed.resubmit(ResubmissionOptions.defaults()
				.withMinAge(properties.retryInterval())
				.withFilter(publication -> MAILED.contains(publication.getEvent().getClass())));
	}
}

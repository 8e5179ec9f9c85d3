package org.tresor.notification;

import java.util.UUID;
import org.tresor.submission.TicketId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.tresor.submission.SubmissionId;
import org.tresor.submission.SubmissionOpened;
import org.tresor.submission.TicketIssued;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class MailRetriesTests {

	final FailedEventPublications failed = mock(FailedEventPublications.class);

	final Instant now = Instant.parse("2030-01-10T08:00:00Z");

	final MailRetries retries = new MailRetries(failed, null,
			new MailProperties("tresor@localhost", Duration.ofMinutes(5), Duration.ofHours(2)),
			Clock.fixed(now, ZoneOffset.UTC));

	@Test
	void resubmitsAFailedMailOneIntervalAfterItWasPublished() {
		var filter = resubmitted().getFilter();

		assertThat(filter).accepts(publicationOf(TICKET, now.minus(Duration.ofMinutes(5)), null, 0));
		assertThat(filter).rejects(publicationOf(TICKET, now.minus(Duration.ofMinutes(4)), null, 0));
	}

	@Test
	void doublesTheWaitAfterEveryFurtherAttempt() {
		var filter = resubmitted().getFilter();
		var published = now.minus(Duration.ofDays(1));

		assertThat(filter).accepts(publicationOf(TICKET, published, now.minus(Duration.ofMinutes(10)), 1));
		assertThat(filter).rejects(publicationOf(TICKET, published, now.minus(Duration.ofMinutes(9)), 1));
		assertThat(filter).accepts(publicationOf(TICKET, published, now.minus(Duration.ofMinutes(40)), 3));
		assertThat(filter).rejects(publicationOf(TICKET, published, now.minus(Duration.ofMinutes(39)), 3));
	}

	@Test
	void waitsNoLongerThanTheLongestRetryInterval() {
		assertThat(retries.backoff(30)).isEqualTo(Duration.ofHours(2));
		assertThat(resubmitted().getFilter())
			.accepts(publicationOf(TICKET, now.minus(Duration.ofDays(3)), now.minus(Duration.ofHours(2)), 30));
	}

	@Test
	void leavesOtherModulesPublicationsAlone() {
		assertThat(resubmitted().getFilter()).rejects(publicationOf(
				new SubmissionOpened(SubmissionId.random(), "R", null), now.minus(Duration.ofDays(1)), null, 0));
	}

	private ResubmissionOptions resubmitted() {
		retries.retry();
		var options = ArgumentCaptor.forClass(ResubmissionOptions.class);
		verify(failed).resubmit(options.capture());
		return options.getValue();
	}

	static final TicketIssued TICKET = new TicketIssued(new TicketId(UUID.randomUUID()), "a@example.org", "Box", Instant.now(), "de");

	private static EventPublication publicationOf(Object event, Instant published, Instant lastResubmitted,
			int attempts) {
		var publication = mock(EventPublication.class);
		given(publication.getEvent()).willReturn(event);
		given(publication.getPublicationDate()).willReturn(published);
		given(publication.getLastResubmissionDate()).willReturn(lastResubmitted);
		given(publication.getCompletionAttempts()).willReturn(attempts);
		return publication;
	}
}

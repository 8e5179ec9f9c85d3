package org.tresor.notification;

import java.time.Duration;
import java.time.Instant;

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

	final MailRetries retries = new MailRetries(failed,
			new MailProperties("tresor@localhost", Duration.ofMinutes(5)));

	@Test
	void resubmitsFailedMailPublicationsOlderThanTheInterval() {
		var options = resubmitted();

		assertThat(options.getMinAge()).isEqualTo(Duration.ofMinutes(5));
		assertThat(options.getFilter()).accepts(publicationOf(
				new TicketIssued("a@example.org", "t", "Box", Instant.now(), "de")));
	}

	@Test
	void leavesOtherModulesPublicationsAlone() {
		assertThat(resubmitted().getFilter()).rejects(publicationOf(
				new SubmissionOpened(SubmissionId.random(), "R", null)));
	}

	private ResubmissionOptions resubmitted() {
		retries.retry();
		var options = ArgumentCaptor.forClass(ResubmissionOptions.class);
		verify(failed).resubmit(options.capture());
		return options.getValue();
	}

	private static EventPublication publicationOf(Object event) {
		var publication = mock(EventPublication.class);
		given(publication.getEvent()).willReturn(event);
		return publication;
	}
}

package org.tresor.metrics;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tresor.account.SignInFailed;
import org.tresor.account.UserSignedIn;
import org.tresor.delivery.DeliveryCompleted;
import org.tresor.delivery.DeliveryCreated;
import org.tresor.delivery.DeliveryDeletedByRecipient;
import org.tresor.delivery.DeliveryDownloaded;
import org.tresor.delivery.DeliveryWithdrawn;
import org.tresor.submission.SubmissionDeleted;
import org.tresor.submission.SubmissionDownloaded;
import org.tresor.submission.SubmissionReceived;
import org.tresor.submission.TicketIssued;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One counter per kind of event; Prometheus sees {@code tresor_tickets_issued_total} and so on. Downloads and
 * deletions carry a {@code kind} tag: {@code submission} or {@code delivery} (withdrawn by the sender or deleted
 * by the recipient).
 */
@Component
class ActivityMetrics {

	static final String SUBMISSION = "submission";

	static final String DELIVERY = "delivery";

	private final MeterRegistry meters;

	private final Counter ticketsIssued;

	private final Counter submissionsReceived;

	private final Counter deliveriesSent;

	private final Counter deliveriesCompleted;

	private final Counter signIns;

	private final Counter signInsFailed;

	ActivityMetrics(MeterRegistry meters) {
		this.meters = meters;
		this.ticketsIssued = Counter.builder("tresor.tickets.issued").description("Tickets mailed to senders")
			.register(meters);
		this.submissionsReceived = Counter.builder("tresor.submissions.received")
			.description("Submissions stored encrypted").register(meters);
		this.deliveriesSent = Counter.builder("tresor.deliveries.sent").description("Deliveries created by staff")
			.register(meters);
		this.deliveriesCompleted = Counter.builder("tresor.deliveries.completed")
			.description("Delivery recipients given access (key packets re-wrapped)").register(meters);
		this.signIns = Counter.builder("tresor.logins").tag("outcome", "success").description("Logins through the login page")
			.register(meters);
		this.signInsFailed = Counter.builder("tresor.logins").tag("outcome", "wrong-password")
			.description("Logins through the login page").register(meters);
		// visible as 0 from the start, so rates and alerts work before the first download or deletion
		for (var kind : new String[] { SUBMISSION, DELIVERY }) {
			downloaded(kind, 0);
			deleted(kind, 0);
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(DeliveryCreated event) {
		deliveriesSent.increment();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(DeliveryCompleted event) {
		deliveriesCompleted.increment();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(DeliveryDownloaded event) {
		downloaded(DELIVERY);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(DeliveryWithdrawn event) {
		deleted(DELIVERY);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(DeliveryDeletedByRecipient event) {
		deleted(DELIVERY);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(TicketIssued event) {
		ticketsIssued.increment();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(SubmissionReceived event) {
		submissionsReceived.increment();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(SubmissionDownloaded event) {
		downloaded(SUBMISSION);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(SubmissionDeleted event) {
		deleted(SUBMISSION);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(UserSignedIn event) {
		signIns.increment();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(SignInFailed event) {
		signInsFailed.increment();
	}

	void downloaded(String kind) {
		downloaded(kind, 1);
	}

	void deleted(String kind) {
		deleted(kind, 1);
	}

	private void downloaded(String kind, int count) {
		Counter.builder("tresor.downloads").tag("kind", kind).description("Decrypted downloads started")
			.register(meters).increment(count);
	}

	private void deleted(String kind, int count) {
		Counter.builder("tresor.deletions").tag("kind", kind).description("Deleted by staff or recipients")
			.register(meters).increment(count);
	}
}

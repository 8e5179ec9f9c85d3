package org.tresor.metrics;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
 * by the recipient). Counted once the publisher's transaction has committed, by a plain listener and a
 * transaction synchronisation: a {@code @TransactionalEventListener} would be tracked by the event publication
 * registry, which marks it completed in a second transaction while the first still holds its connection, so
 * as many concurrent commits as the pool has connections waited for each other until the pool timed out.
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

	@EventListener
	void on(DeliveryCreated event) {
		afterCommit(() -> deliveriesSent.increment());
	}

	@EventListener
	void on(DeliveryCompleted event) {
		afterCommit(() -> deliveriesCompleted.increment());
	}

	@EventListener
	void on(DeliveryDownloaded event) {
		afterCommit(() -> downloaded(DELIVERY));
	}

	@EventListener
	void on(DeliveryWithdrawn event) {
		afterCommit(() -> deleted(DELIVERY));
	}

	@EventListener
	void on(DeliveryDeletedByRecipient event) {
		afterCommit(() -> deleted(DELIVERY));
	}

	@EventListener
	void on(TicketIssued event) {
		afterCommit(() -> ticketsIssued.increment());
	}

	@EventListener
	void on(SubmissionReceived event) {
		afterCommit(() -> submissionsReceived.increment());
	}

	@EventListener
	void on(SubmissionDownloaded event) {
		afterCommit(() -> downloaded(SUBMISSION));
	}

	@EventListener
	void on(SubmissionDeleted event) {
		afterCommit(() -> deleted(SUBMISSION));
	}

	@EventListener
	void on(UserSignedIn event) {
		afterCommit(() -> signIns.increment());
	}

	@EventListener
	void on(SignInFailed event) {
		afterCommit(() -> signInsFailed.increment());
	}

	private static void afterCommit(Runnable count) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					count.run();
				}
			});
		}
		else {
			count.run();
		}
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

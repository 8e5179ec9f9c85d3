package org.tresor.submission;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.parcel.Parcels;

/**
 * Deletes submissions in three steps that survive a crash between any two: (1) mark the row deleted, in
 * the transaction that records who deleted it, so from then on nobody can open it and exactly one deletion
 * counts; (2) remove its blobs; (3) remove the row. Whatever a crash interrupts after step 1,
 * {@link #finishPending()} completes.
 */
@Service
class Deletions {

	private static final Logger log = LoggerFactory.getLogger(Deletions.class);

	private final Submissions submissions;

	private final Parcels parcels;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Deletions(Submissions submissions, Parcels parcels, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.submissions = submissions;
		this.parcels = parcels;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Deletes {@code submission}, publishing the event {@code recorded} makes of it in the transaction that
	 * marks it.
	 *
	 * @return false if it was already being deleted (nothing published)
	 */
	boolean delete(UUID submission, Function<Submission, Object> recorded) {
		var marked = transactions.execute(status -> submissions.findById(submission)
			.filter(found -> submissions.markDeleted(submission, clock.instant()) == 1)
			.map(found -> {
				events.publishEvent(recorded.apply(found));
				return found;
			}));
		if (marked == null || marked.isEmpty()) {
			return false;
		}
		finish(submission);
		log.info("Submission {} deleted", marked.get().reference());
		return true;
	}

	/** Deletes everything that arrived before {@code receivedBefore}; returns how many. */
	int expire(Instant receivedBefore) {
		int expired = 0;
		for (var id : submissions.idsReceivedBefore(receivedBefore)) {
			if (delete(id, found -> new SubmissionExpired(found.id(), found.reference()))) {
				expired++;
			}
		}
		return expired;
	}

	/** Completes deletions that a crash or an outage interrupted; returns how many. */
	int finishPending() {
		int finished = 0;
		for (var id : submissions.idsOfDeletionsInProgress()) {
			if (finish(id)) {
				finished++;
			}
		}
		return finished;
	}

	/** Steps 2 and 3; a blob that cannot be removed now keeps the row, so the next run tries again. */
	private boolean finish(UUID submission) {
		var parts = submissions.findById(submission).map(found -> found.parcel().parts()).orElse(List.of());
		if (!parcels.removeNow(parts)) {
			log.warn("Deleted submission {} keeps its row until the next retention run", submission);
			return false;
		}
		return transactions.execute(status -> submissions.removeDeleted(submission)) == 1;
	}
}

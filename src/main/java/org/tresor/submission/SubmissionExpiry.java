package org.tresor.submission;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.retention.ExpiryTask;
import org.tresor.retention.RetentionPolicy;

/**
 * What the submission module deletes on the retention schedule: expired tickets, submissions older than
 * {@code tresor.retention.submissions} (recorded as expired), and deletions that a crash cut short.
 */
@Component
class SubmissionExpiry implements ExpiryTask {

	private final Tickets tickets;

	private final Deletions deletions;

	private final RetentionPolicy policy;

	private final TransactionTemplate transactions;

	SubmissionExpiry(Tickets tickets, Deletions deletions, RetentionPolicy policy, TransactionTemplate transactions) {
		this.tickets = tickets;
		this.deletions = deletions;
		this.policy = policy;
		this.transactions = transactions;
	}

	@Override
	public String name() {
		return "tickets and submissions";
	}

	@Override
	public int deleteExpired(Instant now) {
		int deleted = transactions.execute(status -> tickets.deleteExpired(now));
		deleted += deletions.finishPending();
		deleted += deletions.expire(policy.submissionsReceivedBefore(now));
		return deleted;
	}
}

package org.tresor.account;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.retention.ExpiryTask;
import org.tresor.retention.RetentionPolicy;

/**
 * What the account module deletes on the retention schedule: set-up links that expired or were used, and
 * external accounts with no pending delivery whose last login is longer ago than
 * {@code tresor.retention.external-accounts}. Staff and administrators are never removed automatically.
 */
@Component
class AccountExpiry implements ExpiryTask {

	private static final Logger log = LoggerFactory.getLogger(AccountExpiry.class);

	private final Users users;

	private final SetupLinks links;

	private final List<PendingDeliveries> pendingDeliveries;

	private final RetentionPolicy policy;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	AccountExpiry(Users users, SetupLinks links, List<PendingDeliveries> pendingDeliveries, RetentionPolicy policy,
			ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.users = users;
		this.links = links;
		this.pendingDeliveries = pendingDeliveries;
		this.policy = policy;
		this.events = events;
		this.transactions = transactions;
	}

	@Override
	public String name() {
		return "set-up links and external accounts";
	}

	@Override
	public int deleteExpired(Instant now) {
		int deleted = transactions.execute(status -> links.deleteUnusable(now));
		var inactiveSince = policy.externalAccountsInactiveSince(now);
		for (var candidate : users.findExternalInactiveSince(inactiveSince)) {
			if (pendingDeliveries.stream().noneMatch(pending -> pending.existFor(candidate.id()))
					&& Boolean.TRUE.equals(transactions.execute(status -> remove(candidate.id(), inactiveSince)))) {
				deleted++;
			}
		}
		return deleted;
	}

	/** Checks again in the transaction that deletes: a login since the query keeps the account. */
	private boolean remove(UserId id, Instant inactiveSince) {
		return users.findExternalInactiveSince(id.value(), inactiveSince)
			.map(user -> {
				links.deleteByUserId(id.value());
				users.delete(user);
				events.publishEvent(new AccountRemoved(id, user.email().value()));
				log.info("External account {} removed after {} without login", id.value(), policy.externalAccounts());
				return true;
			})
			.orElse(false);
	}
}

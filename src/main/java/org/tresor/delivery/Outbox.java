package org.tresor.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.account.AccountActivated;
import org.tresor.account.Accounts;
import org.tresor.account.UserId;
import org.tresor.parcel.Grants;
import org.tresor.parcel.Parcels;

/** What staff see of the deliveries they sent, and how they complete and withdraw them. */
@Service
class Outbox {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	/** Completions at once by one sender: each loser of a race finds its recipients done on a next try. */
	private static final int COMPLETION_ATTEMPTS = 5;

	private final Deliveries deliveries;

	private final Accounts accounts;

	private final Parcels parcels;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Outbox(Deliveries deliveries, Accounts accounts, Parcels parcels,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.deliveries = deliveries;
		this.accounts = accounts;
		this.parcels = parcels;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	record Entry(DeliveryId id, String reference, String subject, Instant createdAt, Instant expiresAt, int fileCount,
			long totalSize, List<RecipientStatus> recipients) {

		public boolean canBeCompleted() {
			return recipients.stream().anyMatch(r -> r.state() == RecipientState.READY_TO_COMPLETE);
		}
	}

	/** {@code position} names the recipient in the address of an action ({@code /outbox/{id}/recipients/{position}/…}). */
	record RecipientStatus(int position, String email, RecipientState state) {
	}

	/** One page of what {@code sender} sent, newest first. */
	@Transactional(readOnly = true)
	Slice<Entry> of(UserId sender, Pageable page) {
		var sent = deliveries.findBySenderIdOrderByCreatedAtDesc(sender.value(), page);
		return new SliceImpl<>(entries(sent.getContent()), sent.getPageable(), sent.hasNext());
	}

	@Transactional(readOnly = true)
	Entry entry(DeliveryId id, UserId sender) {
		return entries(List.of(sentBy(id, sender))).get(0);
	}

	/** The sender's deliveries with a recipient who set up access and waits for the key packets. */
	@Transactional(readOnly = true)
	List<Entry> awaitingCompletion(UserId sender) {
		return entries(deliveries.awaitingCompletionBy(sender.value(), clock.instant())).stream()
			.filter(Entry::canBeCompleted)
			.toList();
	}

	/**
	 * Completes every delivery of {@code sender} for every recipient who has set up access: parcel's re-wrap
	 * gives each one a key packet per part; the bodies are not read or copied. Idempotent: completions at
	 * once complete each recipient once; the one that loses the race tries again and finds it done.
	 *
	 * @return how many recipients of how many deliveries can fetch now (0 if nothing was left to do)
	 * @throws org.tresor.parcel.SecuPassRefusedException if {@code secuPass} does not unlock the sender's key
	 */
	int complete(UserId sender, String secuPass) {
		var anything = transactions.execute(
				status -> !readyRecipients(deliveries.awaitingCompletionBy(sender.value(), clock.instant())).isEmpty());
		if (!Boolean.TRUE.equals(anything)) {
			return 0;
		}
		// unlocked before the transaction: no connection is held while Argon2 runs
		var grants = parcels.grantsOf(sender, secuPass);
		for (int attempt = 1;; attempt++) {
			try {
				return transactions.execute(status -> completeWith(grants, sender));
			}
			catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
				if (attempt == COMPLETION_ATTEMPTS) {
					throw e;
				}
				log.info("A completion by the same sender ran at the same time; trying again");
			}
		}
	}

	private int completeWith(Grants grants, UserId sender) {
		var now = clock.instant();
		var pending = deliveries.awaitingCompletionBy(sender.value(), now);
		var ready = readyRecipients(pending);
		var readyByRecipient = new LinkedHashMap<UserId, List<DeliveryId>>();
		var emails = new LinkedHashMap<UserId, String>();
		for (var delivery : pending) {
			for (var recipient : delivery.recipients()) {
				if (recipient.isCompleted() || recipient.isDeleted() || !ready.contains(recipient.user())) {
					continue;
				}
				if (deliveries.markCompleted(recipient.id(), now) == 0) {
					continue; // a completion at the same time came first
				}
				if (!grants.grant(delivery.parcel(), recipient.user())) {
					throw new IllegalStateException("Delivery " + delivery.reference() + " lacks the sender's key packet");
				}
				readyByRecipient.computeIfAbsent(recipient.user(), user -> new ArrayList<>()).add(delivery.id());
				emails.put(recipient.user(), recipient.email());
				events.publishEvent(new DeliveryCompleted(delivery.id(), delivery.reference(), sender, recipient.email()));
			}
		}
		if (readyByRecipient.isEmpty()) {
			return 0;
		}
		var senderEmail = pending.get(0).senderEmail();
		readyByRecipient.forEach((recipient, fetchable) -> events.publishEvent(new DeliveryReady(recipient,
				emails.get(recipient), senderEmail, fetchable.size(), fetchable.size() == 1 ? fetchable.get(0) : null)));
		int completed = readyByRecipient.values().stream().mapToInt(List::size).sum();
		log.info("Sender completed {} delivery recipient(s)", completed);
		return completed;
	}

	/** Deletes the delivery for everyone: rows, key packets and bodies. A second withdrawal finds nothing. */
	void withdraw(DeliveryId id, UserId sender) {
		Delivery withdrawn;
		try {
			withdrawn = transactions.execute(status -> {
				var delivery = sentBy(id, sender);
				deliveries.delete(delivery);
				deliveries.flush();
				events.publishEvent(new DeliveryWithdrawn(delivery.id(), delivery.reference(), sender));
				return delivery;
			});
		}
		catch (OptimisticLockingFailureException e) {
			throw new DeliveryNotFoundException();
		}
		parcels.remove(withdrawn.parcel().parts());
		log.info("Delivery {} withdrawn", withdrawn.reference());
	}

	/**
	 * Sends the recipient at {@code position} a new set-up link, with the same mail as the first, once every
	 * link they had expired; the old links stop working. At most once per link lifetime: while the new link
	 * works there is nothing to renew, whoever asks.
	 *
	 * @return the recipient's address
	 * @throws DeliveryNotFoundException if {@code sender} did not send the delivery, or it has no such recipient
	 * @throws SetupLinkNotRenewableException if the recipient's state offers no new link: set up already,
	 * holding a link that works, deleted, or the delivery expired
	 */
	@Transactional
	String resendSetupLink(DeliveryId id, int position, UserId sender) {
		var now = clock.instant();
		var delivery = sentBy(id, sender);
		var recipient = delivery.recipientAt(position).orElseThrow(DeliveryNotFoundException::new);
		if (delivery.isPurged() || delivery.isExpired(now) || recipient.isCompleted() || recipient.isDeleted()) {
			throw new SetupLinkNotRenewableException();
		}
		var account = accounts.renewExpiredSetupLink(recipient.user()).orElseThrow(SetupLinkNotRenewableException::new);
		var invitation = account.invitation().orElseThrow();
		events.publishEvent(new RecipientInvited(delivery.id(), invitation.link(), recipient.email(),
				delivery.senderEmail(), invitation.expiresAt(), delivery.expiresAt(), account.user().languageTag()));
		log.info("Set-up link of recipient {} of delivery {} sent again", position, delivery.reference());
		return recipient.email();
	}

	/** Tells each sender whose deliveries wait for the user that they can complete them now. */
	@ApplicationModuleListener
	void on(AccountActivated event) {
		var waiting = deliveries.awaitingCompletionFor(event.user().value(), clock.instant());
		waiting.stream()
			.collect(Collectors.groupingBy(Delivery::sender, LinkedHashMap::new, Collectors.toList()))
			.forEach((sender, ofSender) -> {
				var email = ofSender.get(0).recipient(event.user()).map(DeliveryRecipient::email).orElseThrow();
				events.publishEvent(new CompletionRequested(sender, email, ofSender.size()));
			});
	}

	/** The recipients still waiting who have a key now. */
	private Set<UserId> readyRecipients(List<Delivery> pending) {
		Set<UserId> recipients = pending.stream()
			.flatMap(delivery -> delivery.recipients().stream())
			.filter(recipient -> !recipient.isCompleted() && !recipient.isDeleted())
			.map(DeliveryRecipient::user)
			.collect(Collectors.toSet());
		return Set.copyOf(accounts.publicKeysOf(recipients).keySet());
	}

	private Delivery sentBy(DeliveryId id, UserId sender) {
		return deliveries.findById(id.value())
			.filter(delivery -> delivery.sender().equals(sender))
			.orElseThrow(DeliveryNotFoundException::new);
	}

	private List<Entry> entries(List<Delivery> list) {
		var now = clock.instant();
		var users = list.stream().flatMap(delivery -> delivery.recipients().stream()).map(DeliveryRecipient::user).toList();
		var withKey = accounts.publicKeysOf(users).keySet();
		var linkExpired = accounts.withExpiredSetupLink(users);
		return list.stream()
			.map(delivery -> new Entry(delivery.id(), delivery.reference(), delivery.subject(), delivery.createdAt(),
					delivery.expiresAt(), delivery.fileCount(), delivery.totalSize(),
					delivery.recipients()
						.stream()
						.map(recipient -> new RecipientStatus(recipient.position(), recipient.email(),
								delivery.stateOf(recipient, withKey.contains(recipient.user()),
										linkExpired.contains(recipient.user()), now)))
						.toList()))
			.toList();
	}
}

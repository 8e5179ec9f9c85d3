package org.tresor.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.account.AccountActivated;
import org.tresor.account.Accounts;
import org.tresor.account.UserId;
import org.tresor.crypto.Envelopes;
import org.tresor.crypto.PublicKeyRing;
import org.tresor.crypto.SecuPass;
import org.tresor.crypto.UnlockedKey;
import org.tresor.parcel.Parcels;

/** What staff see of the deliveries they sent, and how they complete and withdraw them. */
@Service
class Outbox {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	private final Deliveries deliveries;

	private final Accounts accounts;

	private final Envelopes envelopes;

	private final Parcels parcels;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Outbox(Deliveries deliveries, Accounts accounts, Envelopes envelopes, Parcels parcels,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.deliveries = deliveries;
		this.accounts = accounts;
		this.envelopes = envelopes;
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

	@Transactional(readOnly = true)
	List<Entry> of(UserId sender) {
		return entries(deliveries.findBySenderIdOrderByCreatedAtDesc(sender.value()));
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
	 * Completes every delivery of {@code sender} for every recipient who has set up access: one new key
	 * packet per part and recipient, re-wrapped from the sender's; the bodies are not read or copied.
	 *
	 * @return how many recipients of how many deliveries can fetch now
	 * @throws org.tresor.crypto.WrongSecuPassException if {@code pass} does not unlock the sender's key
	 */
	int complete(UserId sender, SecuPass pass) {
		// the SecuPass check (Argon2, waiting for a permit when many run) holds no database connection: it runs
		// between a short look whether there is anything to complete and the transaction that completes it
		var anything = transactions.execute(
				status -> !recipientKeys(deliveries.awaitingCompletionBy(sender.value(), clock.instant())).isEmpty());
		if (!Boolean.TRUE.equals(anything)) {
			return 0;
		}
		var key = accounts.unlock(sender, pass);
		return transactions.execute(status -> complete(sender, key));
	}

	private int complete(UserId sender, UnlockedKey key) {
		var now = clock.instant();
		var pending = deliveries.awaitingCompletionBy(sender.value(), now);
		var keys = recipientKeys(pending);
		if (keys.isEmpty()) {
			return 0;
		}
		var readyByRecipient = new LinkedHashMap<UserId, List<DeliveryId>>();
		var emails = new LinkedHashMap<UserId, String>();
		for (var delivery : pending) {
			for (var recipient : delivery.recipients()) {
				var recipientKey = keys.get(recipient.user());
				if (recipient.isCompleted() || recipient.isDeleted() || recipientKey == null) {
					continue;
				}
				for (var part : delivery.parts()) {
					var packet = part.keyPacketFor(sender).orElseThrow(
							() -> new IllegalStateException("Delivery " + delivery.reference() + " lacks the sender's key packet"));
					part.grant(recipient.user(), envelopes.rewrap(key, packet, recipientKey));
				}
				recipient.complete(now);
				readyByRecipient.computeIfAbsent(recipient.user(), user -> new ArrayList<>()).add(delivery.id());
				emails.put(recipient.user(), recipient.email());
				events.publishEvent(new DeliveryCompleted(delivery.id(), delivery.reference(), sender, recipient.email()));
			}
		}
		var senderEmail = pending.get(0).senderEmail();
		readyByRecipient.forEach((recipient, ready) -> events.publishEvent(new DeliveryReady(recipient,
				emails.get(recipient), senderEmail, ready.size(), ready.size() == 1 ? ready.get(0) : null)));
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
		parcels.remove(withdrawn.parts().stream().map(DeliveryPart::blob).toList());
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

	private Map<UserId, PublicKeyRing> recipientKeys(List<Delivery> pending) {
		Set<UserId> recipients = pending.stream()
			.flatMap(delivery -> delivery.recipients().stream())
			.filter(recipient -> !recipient.isCompleted() && !recipient.isDeleted())
			.map(DeliveryRecipient::user)
			.collect(Collectors.toSet());
		return accounts.publicKeysOf(recipients);
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

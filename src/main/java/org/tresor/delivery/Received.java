package org.tresor.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.account.UserId;
import org.tresor.parcel.Parcel;
import org.tresor.parcel.ParcelPart;
import org.tresor.parcel.ParcelShelf;
import org.tresor.parcel.ParcelSummary;
import org.tresor.parcel.Parcels;

/**
 * What a recipient sees of the deliveries sent to them, and only of those: a shelf of parcels that parcel
 * opens with the SecuPass. Every download that reached the recipient in full, the .pgp included, tells the
 * sender.
 */
@Service
class Received implements ParcelShelf {

	private static final Logger log = LoggerFactory.getLogger(Received.class);

	private final Deliveries deliveries;

	private final Parcels parcels;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Received(Deliveries deliveries, Parcels parcels, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.deliveries = deliveries;
		this.parcels = parcels;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	record Entry(DeliveryId id, String reference, String senderEmail, String subject, Instant createdAt,
			Instant expiresAt, int fileCount, long totalSize, List<Long> fileSizes, boolean notScanned)
			implements ParcelSummary {

		/** The subject as the sender typed it: a default message is never formatted. */
		@Override
		public MessageSourceResolvable heading() {
			return new DefaultMessageSourceResolvable(null, null, subject);
		}

		@Override
		public Instant arrivedAt() {
			return createdAt;
		}
	}

	@Override
	@Transactional(readOnly = true)
	public Slice<Entry> entries(UserId recipient, Pageable page) {
		return deliveries.receivedBy(recipient.value(), clock.instant(), page).map(Received::entry);
	}

	@Override
	@Transactional(readOnly = true)
	public Entry entry(UUID id, UserId recipient) {
		return entry(available(id, recipient));
	}

	@Override
	@Transactional(readOnly = true)
	public Parcel parcel(UUID id, UserId recipient) {
		return available(id, recipient).parcel();
	}

	@Override
	public void downloaded(UUID id, UserId recipient, boolean encrypted) {
		transactions.executeWithoutResult(status -> deliveries.findById(id)
			.flatMap(current -> current.recipient(recipient).map(r -> {
				var now = clock.instant();
				events.publishEvent(new DeliveryDownloaded(current.id(), current.reference(), current.sender(),
						recipient, r.email(), now, deliveries.markDownloaded(r.id(), now) == 1));
				return r;
			})));
	}

	/**
	 * Deletes the delivery for the recipient: their key packets go at once. Once no recipient can fetch it
	 * any more, the bodies go too.
	 */
	@Override
	public void delete(UUID id, UserId recipient) {
		List<ParcelPart> purged;
		try {
			purged = transactions.execute(status -> {
				var delivery = available(id, recipient);
				var now = clock.instant();
				delivery.deleteFor(recipient, now);
				events.publishEvent(new DeliveryDeletedByRecipient(delivery.id(), delivery.reference(), recipient));
				var removed = delivery.isDone(now) ? delivery.purge(now) : List.<ParcelPart>of();
				deliveries.saveAndFlush(delivery);
				return removed;
			});
		}
		catch (OptimisticLockingFailureException e) {
			throw new DeliveryNotFoundException();
		}
		parcels.remove(purged);
		log.info("Delivery {} deleted by a recipient", id);
	}

	private Delivery available(UUID id, UserId recipient) {
		return deliveries.findById(id)
			.filter(delivery -> delivery.isAvailableTo(recipient, clock.instant()))
			.orElseThrow(DeliveryNotFoundException::new);
	}

	private static Entry entry(Delivery delivery) {
		return new Entry(delivery.id(), delivery.reference(), delivery.senderEmail(), delivery.subject(),
				delivery.createdAt(), delivery.expiresAt(), delivery.fileCount(), delivery.totalSize(),
				delivery.parcel().fileSizes(), delivery.parcel().notScanned());
	}
}

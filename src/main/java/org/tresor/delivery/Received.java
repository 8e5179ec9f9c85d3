package org.tresor.delivery;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.account.Accounts;
import org.tresor.account.UserId;
import org.tresor.crypto.SecuPass;
import org.tresor.crypto.UnlockedKey;
import org.tresor.parcel.Download;
import org.tresor.parcel.Manifest;
import org.tresor.parcel.Parcels;

/**
 * What a recipient sees of the deliveries sent to them, and only of those. Anything beyond metadata needs
 * the SecuPass, which unlocks the recipient's key for this one call and is forgotten when it returns.
 */
@Service
class Received {

	private static final Logger log = LoggerFactory.getLogger(Received.class);

	private final Deliveries deliveries;

	private final Accounts accounts;

	private final Parcels parcels;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Received(Deliveries deliveries, Accounts accounts, Parcels parcels, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.deliveries = deliveries;
		this.accounts = accounts;
		this.parcels = parcels;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	record Entry(DeliveryId id, String reference, String senderEmail, String subject, Instant createdAt,
			Instant expiresAt, int fileCount, long totalSize, List<Long> fileSizes) {
	}

	record Opened(Entry entry, String message, List<Manifest.FileEntry> files) {
	}

	@Transactional(readOnly = true)
	List<Entry> of(UserId recipient) {
		return deliveries.receivedBy(recipient.value(), clock.instant()).stream().map(Received::entry).toList();
	}

	@Transactional(readOnly = true)
	Entry entry(DeliveryId id, UserId recipient) {
		return entry(available(id, recipient));
	}

	/**
	 * Not in a transaction, like the downloads: the SecuPass check (Argon2, waiting for a permit when many run)
	 * holds no database connection.
	 *
	 * @throws org.tresor.crypto.WrongSecuPassException if the SecuPass is wrong
	 */
	Opened open(DeliveryId id, UserId recipient, SecuPass pass) throws IOException {
		var delivery = available(id, recipient);
		var manifest = parcels.manifest(delivery.manifest(), recipient, accounts.unlock(recipient, pass));
		return new Opened(entry(delivery), manifest.message(), manifest.files());
	}

	/** File {@code number} (from 1), decrypted while it streams. */
	Download file(DeliveryId id, UserId recipient, SecuPass pass, int number) throws IOException {
		var delivery = available(id, recipient);
		var part = delivery.file(number);
		var key = accounts.unlock(recipient, pass);
		var name = manifest(delivery, recipient, key).files().get(number - 1).name();
		var download = parcels.file(name, part, recipient, key);
		markDownloaded(delivery, recipient);
		return download;
	}

	/** All files as one ZIP, each decrypted while it streams into the archive. */
	Download zip(DeliveryId id, UserId recipient, SecuPass pass) throws IOException {
		var delivery = available(id, recipient);
		var key = accounts.unlock(recipient, pass);
		var names = manifest(delivery, recipient, key).files().stream().map(Manifest.FileEntry::name).toList();
		var download = parcels.zip("Tresor-" + delivery.reference() + ".zip", names, delivery.files(), recipient, key);
		markDownloaded(delivery, recipient);
		return download;
	}

	/** File {@code number} as the OpenPGP message GnuPG decrypts: the recipient's key packet and the body. */
	Download encryptedFile(DeliveryId id, UserId recipient, int number) {
		var delivery = available(id, recipient);
		var download = parcels.encrypted(delivery.reference() + "-" + number + ".pgp", delivery.file(number),
				recipient);
		markDownloaded(delivery, recipient);
		return download;
	}

	/**
	 * Deletes the delivery for the recipient: their key packets go at once. Once no recipient can fetch it
	 * any more, the bodies go too.
	 */
	void delete(DeliveryId id, UserId recipient) {
		List<DeliveryPart> purged;
		try {
			purged = transactions.execute(status -> {
				var delivery = available(id, recipient);
				var now = clock.instant();
				delivery.deleteFor(recipient, now);
				events.publishEvent(new DeliveryDeletedByRecipient(delivery.id(), delivery.reference(), recipient));
				var removed = delivery.isDone(now) ? delivery.purge(now) : List.<DeliveryPart>of();
				deliveries.saveAndFlush(delivery);
				return removed;
			});
		}
		catch (OptimisticLockingFailureException e) {
			throw new DeliveryNotFoundException();
		}
		parcels.remove(purged.stream().map(DeliveryPart::blob).toList());
		log.info("Delivery {} deleted by a recipient", id.value());
	}

	private Manifest manifest(Delivery delivery, UserId recipient, UnlockedKey key) throws IOException {
		return parcels.manifest(delivery.manifest(), recipient, key);
	}

	private void markDownloaded(Delivery delivery, UserId recipient) {
		transactions.executeWithoutResult(status -> deliveries.findById(delivery.id().value())
			.flatMap(current -> current.recipient(recipient).map(r -> {
				var now = clock.instant();
				events.publishEvent(new DeliveryDownloaded(current.id(), current.reference(), current.sender(),
						recipient, r.email(), now, r.markDownloaded(now)));
				return r;
			})));
	}

	private Delivery available(DeliveryId id, UserId recipient) {
		return deliveries.findById(id.value())
			.filter(delivery -> delivery.isAvailableTo(recipient, clock.instant()))
			.orElseThrow(DeliveryNotFoundException::new);
	}

	private static Entry entry(Delivery delivery) {
		return new Entry(delivery.id(), delivery.reference(), delivery.senderEmail(), delivery.subject(),
				delivery.createdAt(), delivery.expiresAt(), delivery.fileCount(), delivery.totalSize(),
				delivery.files().stream().map(DeliveryPart::plaintextSize).toList());
	}
}

package org.tresor.delivery;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.kernel.ReferenceNumbers;
import org.tresor.kernel.TresorProperties;
import org.tresor.account.Accounts;
import org.tresor.account.SignedInUser;
import org.tresor.account.UserId;
import org.tresor.parcel.FormBody;
import org.tresor.parcel.ParcelIntake;
import org.tresor.parcel.ParcelLimits;
import org.tresor.parcel.ParcelRejectedException;
import org.tresor.parcel.ReceivedParcel;
import org.tresor.parcel.Recipients;

import jakarta.validation.Validator;


/**
 * Sends a delivery as it streams in. The files are encrypted at once to the sender and to every recipient
 * who already has a key; the others get an account and a setup link, and the sender completes the delivery
 * for them once they have set up access. The database learns of the delivery only after every blob is
 * durable.
 */
@Service
class Dispatch {

	private static final Logger log = LoggerFactory.getLogger(Dispatch.class);

	private final ParcelIntake parcels;

	private final Accounts accounts;

	private final Deliveries deliveries;

	private final ReferenceNumbers references;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final DeliveryProperties properties;

	private final TresorProperties tresor;

	private final Clock clock;

	private final Validator validator;

	Dispatch(ParcelIntake parcels, Accounts accounts, Deliveries deliveries, ReferenceNumbers references,
			TransactionTemplate transactions, ApplicationEventPublisher events, DeliveryProperties properties,
			TresorProperties tresor, Clock clock, Validator validator) {
		this.validator = validator;
		this.parcels = parcels;
		this.accounts = accounts;
		this.deliveries = deliveries;
		this.references = references;
		this.transactions = transactions;
		this.events = events;
		this.properties = properties;
		this.tresor = tresor;
		this.clock = clock;
	}

	record Sent(String reference, int recipientCount) {
	}

	/**
	 * @throws InvalidDeliveryException if a field breaks a rule, before any file byte is accepted
	 * @throws org.tresor.parcel.ParcelRejectedException if the upload breaks a limit
	 * @throws org.tresor.account.RecipientDisabledException if a recipient's account is switched off
	 */
	Sent send(SignedInUser sender, FormBody form, Locale locale) throws IOException {
		var today = today();
		try {
			return parcels.receive(form, limits(), fields -> readers(sender.id(), DeliveryForm.of(fields)),
					parcel -> record(sender, DeliveryForm.of(parcel.fields()), parcel, today, locale));
		}
		catch (ParcelRejectedException e) {
			e.finding().ifPresent(finding -> events.publishEvent(new DeliveryRefusedForMalware(sender.id(), finding)));
			throw e;
		}
	}

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), tresor.timeZone());
	}

	ParcelLimits limits() {
		return new ParcelLimits(properties.maxDeliverySize(), properties.maxFileSize(), properties.maxFiles(),
				properties.maxMessageLength());
	}

	/** The sender and every recipient who can read at once; checks the fields first. */
	private Recipients readers(UserId sender, DeliveryForm form) {
		var violations = validator.validate(form);
		if (!violations.isEmpty()) {
			var errors = new TreeMap<String, String>();
			violations.forEach(violation -> errors.putIfAbsent(violation.getPropertyPath().toString(),
					violation.getMessage()));
			throw new InvalidDeliveryException(form, errors);
		}
		var users = new ArrayList<UserId>();
		users.add(sender);
		form.recipientAddresses()
			.forEach(address -> accounts.findByEmail(address).ifPresent(user -> users.add(user.id())));
		var readers = parcels.readers(users);
		if (!readers.users().contains(sender)) {
			throw new IllegalStateException("A staff member without a key cannot send");
		}
		return readers;
	}

	private Sent record(SignedInUser sender, DeliveryForm form, ReceivedParcel parcel, LocalDate today,
			Locale locale) {
		var parts = parcel.parts();
		var expiresAt = form.expiryDate(today, properties).plusDays(1).atStartOfDay(tresor.timeZone()).toInstant();
		return transactions.execute(status -> {
			var now = clock.instant();
			var id = DeliveryId.random();
			var recipients = new ArrayList<DeliveryRecipient>();
			var readers = parcel.recipients().users();
			List<Object> notices = new ArrayList<>();
			for (var address : form.recipientAddresses()) {
				var account = accounts.recipient(address, locale);
				var user = account.user();
				boolean canRead = readers.contains(user.id());
				recipients.add(new DeliveryRecipient(recipients.size(), user.id(), user.email(), canRead ? now : null));
				account.invitation().ifPresentOrElse(
						invitation -> notices.add(new RecipientInvited(id, invitation.link(), user.email(),
								sender.email(), invitation.expiresAt(), expiresAt, user.languageTag())),
						() -> notices.add(canRead ? new DeliveryReady(user.id(), user.email(), sender.email(), 1, id)
								// set up in the meantime: the sender completes it like any other
								: new CompletionRequested(sender.id(), user.email(), 1)));
			}
			var delivery = new Delivery(id, references.next("ZU", deliveries::existsByReference), sender.id(),
					sender.email(), form.trimmedSubject(), now, expiresAt, recipients, parts);
			deliveries.save(delivery);
			events.publishEvent(new DeliveryCreated(id, delivery.reference(), sender.id(), recipients.size(),
					delivery.fileCount(), delivery.totalSize(), now));
			if (delivery.parcel().notScanned()) {
				events.publishEvent(new DeliveryNotScanned(delivery.reference(), sender.id()));
			}
			notices.forEach(events::publishEvent);
			log.info("Delivery {} sent to {} recipient(s): {} file(s), {} bytes", delivery.reference(),
					recipients.size(), delivery.fileCount(), delivery.totalSize());
			return new Sent(delivery.reference(), recipients.size());
		});
	}
}

package org.tresor.submission;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.kernel.ReferenceNumbers;
import org.tresor.parcel.FormBody;
import org.tresor.parcel.ParcelIntake;
import org.tresor.parcel.ParcelLimits;
import org.tresor.parcel.ParcelRejectedException;
import org.tresor.parcel.ReceivedParcel;
import org.tresor.parcel.Recipients;

import jakarta.validation.Validator;

/**
 * Receives a submission as it streams in, encrypted to every member of the box who has a key. The database
 * learns of the submission only after every blob is durable, in the transaction that uses up the ticket.
 */
@Service
class Intake {

	private static final Logger log = LoggerFactory.getLogger(Intake.class);

	private final TicketOffice tickets;

	private final SubmitBoxes boxes;

	private final Submissions submissions;

	private final ReferenceNumbers references;

	private final ParcelIntake parcels;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final SubmissionProperties properties;

	private final Clock clock;

	private final Validator validator;

	Intake(TicketOffice tickets, SubmitBoxes boxes, Submissions submissions, ReferenceNumbers references,
			ParcelIntake parcels, TransactionTemplate transactions, ApplicationEventPublisher events,
			SubmissionProperties properties, Clock clock, Validator validator) {
		this.tickets = tickets;
		this.boxes = boxes;
		this.submissions = submissions;
		this.references = references;
		this.parcels = parcels;
		this.transactions = transactions;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
		this.validator = validator;
	}

	record Receipt(String reference, Instant receivedAt) {
	}

	/** @throws ParcelRejectedException if the form breaks a limit or a file is refused; the ticket stays valid */
	Receipt receive(String token, FormBody form, Locale locale) throws IOException {
		var ticket = tickets.usable(token);
		var box = boxes.findById(ticket.boxId()).orElseThrow(TicketNotUsableException::new);
		var readers = parcels.readers(box.members());
		if (readers.isEmpty()) {
			throw new SubmissionRejectedException(SubmissionRejectedException.Reason.BOX_NOT_READY);
		}
		try {
			return parcels.receive(form, limits(), fields -> readersOf(SubmissionForm.of(fields), readers),
					parcel -> record(token, box, ticket.email(), parcel, locale));
		}
		catch (ParcelRejectedException e) {
			e.finding().ifPresent(finding -> events
				.publishEvent(new SubmissionRefusedForMalware(ticket.email(), box.name(), finding)));
			throw e;
		}
	}

	/** The box's readers, once the text fields are valid: before any file is accepted. */
	private Recipients readersOf(SubmissionForm fields, Recipients readers) {
		if (!validator.validate(fields).isEmpty()) {
			throw new SubmissionRejectedException(SubmissionRejectedException.Reason.MESSAGE_INVALID);
		}
		return readers;
	}

	private ParcelLimits limits() {
		return new ParcelLimits(properties.maxSubmissionSize(), properties.maxFileSize(), properties.maxFiles(),
				properties.maxMessageLength());
	}

	private Receipt record(String token, SubmitBox box, String senderEmail, ReceivedParcel parcel, Locale locale) {
		var parts = parcel.parts();
		try {
			return transactions.execute(status -> {
				var now = clock.instant();
				tickets.consume(token);
				var submission = new Submission(SubmissionId.random(), box.id(), references.next("TR", submissions::existsByReference), senderEmail, now,
						parts);
				submissions.save(submission);
				events.publishEvent(new SubmissionReceived(submission.id(), submission.reference(), box.name(),
						senderEmail, now, submission.fileCount(), parcel.recipients().users(), locale.toLanguageTag()));
				if (submission.parcel().notScanned()) {
					events.publishEvent(new SubmissionNotScanned(submission.reference(), box.name(), senderEmail));
				}
				log.info("Submission {} received in box {}: {} file(s), {} bytes", submission.reference(), box.slug(),
						submission.fileCount(), submission.totalSize());
				return new Receipt(submission.reference(), now);
			});
		}
		catch (OptimisticLockingFailureException e) {
			// another request used the same ticket at the same moment and won
			throw new TicketNotUsableException();
		}
	}
}

package org.tresor.submission;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.account.UserId;
import org.tresor.parcel.Parcel;
import org.tresor.parcel.ParcelShelf;
import org.tresor.parcel.ParcelSummary;
import org.tresor.retention.RetentionPolicy;

/**
 * What staff see of the submissions to their boxes: a shelf of parcels that parcel opens with the SecuPass.
 * Only members of the box who hold a key packet find a submission here.
 */
@Service
class Inbox implements ParcelShelf {

	private static final Logger log = LoggerFactory.getLogger(Inbox.class);

	private final Submissions submissions;

	private final SubmitBoxes boxes;

	private final Deletions deletions;

	private final RetentionPolicy retention;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Inbox(Submissions submissions, SubmitBoxes boxes, Deletions deletions, RetentionPolicy retention,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.submissions = submissions;
		this.boxes = boxes;
		this.deletions = deletions;
		this.retention = retention;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** @param expiresAt when retention deletes it, unless someone does so earlier */
	record Entry(SubmissionId id, String reference, String boxName, String senderEmail, Instant receivedAt,
			int fileCount, long totalSize, Optional<Instant> downloadedAt, List<Long> fileSizes, Instant expiresAt,
			boolean notScanned) implements ParcelSummary {

		@Override
		public MessageSourceResolvable heading() {
			return new DefaultMessageSourceResolvable(new String[] { "inbox.details.title" }, new Object[] { reference });
		}

		@Override
		public Instant arrivedAt() {
			return receivedAt;
		}
	}

	@Override
	public Slice<Entry> entries(UserId user, Pageable page) {
		var boxNames = new HashMap<UUID, String>(); // a page's submissions come from a few boxes
		return submissions.readableBy(user.value(), page)
			.map(submission -> entry(submission, boxNames.computeIfAbsent(submission.boxId(), this::boxName)));
	}

	@Override
	public Entry entry(UUID id, UserId user) {
		return entry(readable(id, user));
	}

	@Override
	public Parcel parcel(UUID id, UserId user) {
		return readable(id, user).parcel();
	}

	@Override
	public void opened(UUID id, UserId user) {
		var submission = readable(id, user);
		events.publishEvent(new SubmissionOpened(submission.id(), submission.reference(), user));
		log.info("Submission {} opened by user {}", submission.reference(), user.value());
	}

	/** A decrypted file or ZIP reached the staff member in full; the .pgp does not count as downloaded. */
	@Override
	public void downloaded(UUID id, UserId user, boolean encrypted) {
		if (encrypted) {
			return;
		}
		transactions.executeWithoutResult(status -> submissions.findById(id).ifPresent(submission -> {
			submissions.markDownloaded(id, clock.instant());
			events.publishEvent(new SubmissionDownloaded(submission.id(), submission.reference(), user));
			log.info("Submission {} downloaded by user {}", submission.reference(), user.value());
		}));
	}

	/**
	 * Removes the submission, its key packets and its ciphertext. Of two deletions at once, or one after the
	 * other, exactly one succeeds and is recorded; the other finds nothing.
	 */
	@Override
	public void delete(UUID id, UserId user) {
		readable(id, user);
		if (!deletions.delete(id, found -> new SubmissionDeleted(found.id(), found.reference(), user))) {
			throw new SubmissionNotFoundException();
		}
	}

	private Submission readable(UUID id, UserId user) {
		return submissions.findById(id)
			.filter(submission -> !submission.isDeleted())
			.filter(submission -> boxes.findById(submission.boxId()).map(box -> box.hasMember(user)).orElse(false))
			.filter(submission -> submission.parcel().isReadableBy(user))
			.orElseThrow(SubmissionNotFoundException::new);
	}

	private Entry entry(Submission submission) {
		return entry(submission, boxName(submission.boxId()));
	}

	private Entry entry(Submission submission, String boxName) {
		return new Entry(submission.id(), submission.reference(), boxName, submission.senderEmail(),
				submission.receivedAt(), submission.fileCount(), submission.totalSize(), submission.downloadedAt(),
				submission.parcel().fileSizes(), retention.submissionExpiresAt(submission.receivedAt()),
				submission.parcel().notScanned());
	}

	private String boxName(UUID box) {
		return boxes.findById(box).map(SubmitBox::name).orElse("");
	}
}

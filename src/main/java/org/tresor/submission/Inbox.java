package org.tresor.submission;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.account.Accounts;
import org.tresor.account.UserId;
import org.tresor.crypto.SecuPass;
import org.tresor.parcel.Download;
import org.tresor.parcel.Manifest;
import org.tresor.parcel.Parcels;
import org.tresor.retention.RetentionPolicy;


/**
 * What staff see of the submissions to their boxes. Anything beyond metadata needs the SecuPass, which
 * unlocks the user's key for this one call and is forgotten when it returns.
 */
@Service
class Inbox {

	private static final Logger log = LoggerFactory.getLogger(Inbox.class);


	private final Submissions submissions;

	private final SubmitBoxes boxes;

	private final Accounts accounts;

	private final Parcels parcels;

	private final Deletions deletions;

	private final RetentionPolicy retention;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Inbox(Submissions submissions, SubmitBoxes boxes, Accounts accounts, Parcels parcels, Deletions deletions,
			RetentionPolicy retention, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.submissions = submissions;
		this.boxes = boxes;
		this.accounts = accounts;
		this.parcels = parcels;
		this.deletions = deletions;
		this.retention = retention;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** @param expiresAt when retention deletes it, unless someone does so earlier */
	record Entry(SubmissionId id, String reference, String boxName, String senderEmail, Instant receivedAt,
			int fileCount, long totalSize, Optional<Instant> downloadedAt, List<Long> fileSizes, Instant expiresAt) {
	}

	record Opened(Entry entry, String message, List<Manifest.FileEntry> files) {
	}

	List<Entry> of(UserId user) {
		return submissions.readableBy(user.value()).stream().map(this::entry).toList();
	}

	Entry entry(SubmissionId id, UserId user) {
		return entry(readable(id, user));
	}

	/** @throws org.tresor.crypto.WrongSecuPassException if the SecuPass is wrong */
	Opened open(SubmissionId id, UserId user, SecuPass pass) throws IOException {
		var submission = readable(id, user);
		var key = accounts.unlock(user, pass);
		var manifest = parcels.manifest(submission.manifest(), user, key);
		events.publishEvent(new SubmissionOpened(submission.id(), submission.reference(), user));
		log.info("Submission {} opened by user {}", submission.reference(), user.value());
		return new Opened(entry(submission), manifest.message(), manifest.files());
	}

	/** File {@code number} (from 1), decrypted while it streams. */
	Download file(SubmissionId id, UserId user, SecuPass pass, int number) throws IOException {
		var submission = readable(id, user);
		var part = submission.file(number);
		var key = accounts.unlock(user, pass);
		var name = parcels.manifest(submission.manifest(), user, key).files().get(number - 1).name();
		var download = parcels.file(name, part, user, key);
		markDownloaded(submission, user);
		return download;
	}

	/** All files as one ZIP, each decrypted while it streams into the archive. */
	Download zip(SubmissionId id, UserId user, SecuPass pass) throws IOException {
		var submission = readable(id, user);
		var key = accounts.unlock(user, pass);
		var names = parcels.manifest(submission.manifest(), user, key)
			.files()
			.stream()
			.map(Manifest.FileEntry::name)
			.toList();
		var download = parcels.zip("Tresor-" + submission.reference() + ".zip", names, submission.files(), user, key);
		markDownloaded(submission, user);
		return download;
	}

	/** File {@code number} as the OpenPGP message GnuPG decrypts: the user's key packet and the body. */
	Download encryptedFile(SubmissionId id, UserId user, int number) {
		var submission = readable(id, user);
		return parcels.encrypted(submission.reference() + "-" + number + ".pgp", submission.file(number), user);
	}

	/**
	 * Removes the submission, its key packets and its ciphertext. Of two deletions at once, or one after the
	 * other, exactly one succeeds and is recorded; the other finds nothing.
	 */
	void delete(SubmissionId id, UserId user) {
		readable(id, user);
		if (!deletions.delete(id.value(), found -> new SubmissionDeleted(found.id(), found.reference(), user))) {
			throw new SubmissionNotFoundException();
		}
	}

	private Submission readable(SubmissionId id, UserId user) {
		return submissions.findById(id.value())
			.filter(submission -> !submission.isDeleted())
			.filter(submission -> boxes.findById(submission.boxId()).map(box -> box.hasMember(user)).orElse(false))
			.filter(submission -> submission.manifest().keyPacketFor(user).isPresent())
			.orElseThrow(SubmissionNotFoundException::new);
	}

	private Entry entry(Submission submission) {
		var boxName = boxes.findById(submission.boxId()).map(SubmitBox::name).orElse("");
		return new Entry(submission.id(), submission.reference(), boxName, submission.senderEmail(),
				submission.receivedAt(), submission.fileCount(), submission.totalSize(), submission.downloadedAt(),
				submission.files().stream().map(SubmissionPart::plaintextSize).toList(),
				retention.submissionExpiresAt(submission.receivedAt()));
	}

	private void markDownloaded(Submission submission, UserId user) {
		transactions.executeWithoutResult(status -> {
			submissions.markDownloaded(submission.id().value(), clock.instant());
			events.publishEvent(new SubmissionDownloaded(submission.id(), submission.reference(), user));
		});
		log.info("Submission {} downloaded by user {}", submission.reference(), user.value());
	}
}

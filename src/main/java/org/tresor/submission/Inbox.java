package org.tresor.submission;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.account.Accounts;
import org.tresor.account.UserId;
import org.tresor.crypto.SecuPass;
import org.tresor.parcel.Download;
import org.tresor.parcel.Manifest;
import org.tresor.parcel.Parcels;


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

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Inbox(Submissions submissions, SubmitBoxes boxes, Accounts accounts, Parcels parcels,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.submissions = submissions;
		this.boxes = boxes;
		this.accounts = accounts;
		this.parcels = parcels;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	record Entry(SubmissionId id, String reference, String boxName, String senderEmail, Instant receivedAt,
			int fileCount, long totalSize, Optional<Instant> downloadedAt, List<Long> fileSizes) {
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

	/** Removes the submission, its key packets and its ciphertext; a second delete finds nothing. */
	void delete(SubmissionId id, UserId user) {
		Submission deleted;
		try {
			deleted = transactions.execute(status -> {
				var submission = readable(id, user);
				submissions.delete(submission);
				submissions.flush();
				events.publishEvent(new SubmissionDeleted(submission.id(), submission.reference(), user));
				return submission;
			});
		}
		catch (OptimisticLockingFailureException e) {
			throw new SubmissionNotFoundException();
		}
		parcels.remove(deleted.parts().stream().map(SubmissionPart::blob).toList());
		log.info("Submission {} deleted by user {}", deleted.reference(), user.value());
	}

	private Submission readable(SubmissionId id, UserId user) {
		return submissions.findById(id.value())
			.filter(submission -> boxes.findById(submission.boxId()).map(box -> box.hasMember(user)).orElse(false))
			.filter(submission -> submission.manifest().keyPacketFor(user).isPresent())
			.orElseThrow(SubmissionNotFoundException::new);
	}

	private Entry entry(Submission submission) {
		var boxName = boxes.findById(submission.boxId()).map(SubmitBox::name).orElse("");
		return new Entry(submission.id(), submission.reference(), boxName, submission.senderEmail(),
				submission.receivedAt(), submission.fileCount(), submission.totalSize(), submission.downloadedAt(),
				submission.files().stream().map(SubmissionPart::plaintextSize).toList());
	}

	private void markDownloaded(Submission submission, UserId user) {
		transactions.executeWithoutResult(status -> submissions.findById(submission.id().value()).ifPresent(current -> {
			current.markDownloaded(clock.instant());
			events.publishEvent(new SubmissionDownloaded(current.id(), current.reference(), user));
			log.info("Submission {} downloaded by user {}", current.reference(), user.value());
		}));
	}
}

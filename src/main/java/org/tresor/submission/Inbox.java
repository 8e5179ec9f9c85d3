package org.tresor.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.account.Accounts;
import org.tresor.account.UserId;
import org.tresor.crypto.Envelopes;
import org.tresor.crypto.SecuPass;
import org.tresor.crypto.UnlockedKey;
import org.tresor.retention.RetentionPolicy;
import org.tresor.storage.BlobStore;

import tools.jackson.databind.json.JsonMapper;

/**
 * What staff see of the submissions to their boxes. Anything beyond metadata needs the SecuPass, which
 * unlocks the user's key for this one call and is forgotten when it returns.
 */
@Service
class Inbox {

	private static final int BUFFER_SIZE = 1 << 16;

	private final Submissions submissions;

	private final SubmitBoxes boxes;

	private final Accounts accounts;

	private final Envelopes envelopes;

	private final BlobStore blobs;

	private final Deletions deletions;

	private final RetentionPolicy retention;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Inbox(Submissions submissions, SubmitBoxes boxes, Accounts accounts, Envelopes envelopes, BlobStore blobs,
			Deletions deletions, RetentionPolicy retention, JsonMapper json, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.submissions = submissions;
		this.boxes = boxes;
		this.accounts = accounts;
		this.envelopes = envelopes;
		this.blobs = blobs;
		this.deletions = deletions;
		this.retention = retention;
		this.json = json;
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
		var manifest = manifest(submission, user, key);
		events.publishEvent(new SubmissionOpened(submission.id(), submission.reference(), user));
		return new Opened(entry(submission), manifest.message(), manifest.files());
	}

	/** File {@code number} (from 1), decrypted while it streams. */
	Download file(SubmissionId id, UserId user, SecuPass pass, int number) throws IOException {
		var submission = readable(id, user);
		var part = submission.file(number);
		var key = accounts.unlock(user, pass);
		var name = manifest(submission, user, key).files().get(number - 1).name();
		markDownloaded(submission, user);
		return new Download(name, part.plaintextSize(), out -> {
			try (var plaintext = decrypt(part, user, key)) {
				copy(plaintext, out);
			}
		});
	}

	/** All files as one ZIP, each decrypted while it streams into the archive. */
	Download zip(SubmissionId id, UserId user, SecuPass pass) throws IOException {
		var submission = readable(id, user);
		var key = accounts.unlock(user, pass);
		var names = manifest(submission, user, key).files().stream().map(Manifest.FileEntry::name).toList();
		markDownloaded(submission, user);
		return new Download("Tresor-" + submission.reference() + ".zip", Download.UNKNOWN_SIZE, out -> {
			var zip = new ZipOutputStream(out);
			zip.setLevel(Deflater.BEST_SPEED);
			var used = new HashSet<String>();
			var files = submission.files();
			for (int i = 0; i < files.size(); i++) {
				zip.putNextEntry(new ZipEntry(unique(names.get(i), used)));
				try (var plaintext = decrypt(files.get(i), user, key)) {
					copy(plaintext, zip);
				}
				zip.closeEntry();
			}
			zip.finish();
		});
	}

	/** File {@code number} as the OpenPGP message GnuPG decrypts: the user's key packet and the body. */
	Download encryptedFile(SubmissionId id, UserId user, int number) {
		var submission = readable(id, user);
		var part = submission.file(number);
		var packet = part.keyPacketFor(user).orElseThrow(SubmissionNotFoundException::new);
		return new Download(submission.reference() + "-" + number + ".pgp",
				packet.encoded().length + part.ciphertextSize(), out -> {
					try (var message = envelopes.encryptedMessage(packet, blobs.open(part.blob()))) {
						copy(message, out);
					}
				});
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

	private Manifest manifest(Submission submission, UserId user, UnlockedKey key) throws IOException {
		try (var plaintext = decrypt(submission.manifest(), user, key)) {
			return json.readValue(plaintext, Manifest.class);
		}
	}

	private InputStream decrypt(SubmissionPart part, UserId user, UnlockedKey key) throws IOException {
		var packet = part.keyPacketFor(user).orElseThrow(SubmissionNotFoundException::new);
		return envelopes.decrypt(key, packet, blobs.open(part.blob()));
	}

	private void markDownloaded(Submission submission, UserId user) {
		transactions.executeWithoutResult(status -> {
			submissions.markDownloaded(submission.id().value(), clock.instant());
			events.publishEvent(new SubmissionOpened(submission.id(), submission.reference(), user));
		});
	}

	private static String unique(String name, Set<String> used) {
		var candidate = name;
		int dot = name.lastIndexOf('.');
		for (int n = 2; !used.add(candidate); n++) {
			candidate = dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
		}
		return candidate;
	}

	/**
	 * Copies a decrypting stream, always holding the latest block back: the integrity check runs when the
	 * plaintext ends, so only once the stream says "end" is its last block released. A tampered body thus
	 * never arrives complete; the response breaks off and the browser marks the download as failed.
	 */
	private static void copy(InputStream in, OutputStream out) throws IOException {
		var buffer = new byte[BUFFER_SIZE];
		var held = new byte[BUFFER_SIZE];
		int heldLength = 0;
		int read;
		while ((read = in.read(buffer)) != -1) {
			out.write(held, 0, heldLength);
			var swap = held;
			held = buffer;
			buffer = swap;
			heldLength = read;
		}
		out.write(held, 0, heldLength);
	}
}

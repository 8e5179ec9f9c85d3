package org.tresor.submission;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileUploadByteCountLimitException;
import org.apache.commons.fileupload2.core.FileUploadFileCountLimitException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.account.Accounts;
import org.tresor.account.UserId;
import org.tresor.crypto.Envelopes;
import org.tresor.crypto.KeyPacket;
import org.tresor.crypto.PublicKeyRing;
import org.tresor.storage.BlobId;
import org.tresor.storage.BlobStorageException;
import org.tresor.storage.BlobStore;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives a submission as it streams in: every file goes straight from the multipart parser into OpenPGP
 * encryption and on into the blob store, so no plaintext byte is buffered on disk or kept whole in memory.
 * The message text and file names end up in the encrypted manifest. The database learns of the submission
 * only after every blob is durable, in the transaction that uses up the ticket.
 */
@Service
class Intake {

	static final String MESSAGE_FIELD = "message";

	static final String FILES_FIELD = "files";

	private static final Logger log = LoggerFactory.getLogger(Intake.class);

	private static final int BUFFER_SIZE = 1 << 16;

	/** Room for the message field and the multipart framing on top of the files. */
	private static final long FORM_OVERHEAD = 1 << 20;

	private final TicketOffice tickets;

	private final SubmitBoxes boxes;

	private final Submissions submissions;

	private final References references;

	private final Accounts accounts;

	private final Envelopes envelopes;

	private final BlobStore blobs;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final SubmissionProperties properties;

	private final Clock clock;

	Intake(TicketOffice tickets, SubmitBoxes boxes, Submissions submissions,
			References references, Accounts accounts, Envelopes envelopes, BlobStore blobs, JsonMapper json,
			TransactionTemplate transactions, ApplicationEventPublisher events, SubmissionProperties properties,
			Clock clock) {
		this.tickets = tickets;
		this.boxes = boxes;
		this.submissions = submissions;
		this.references = references;
		this.accounts = accounts;
		this.envelopes = envelopes;
		this.blobs = blobs;
		this.json = json;
		this.transactions = transactions;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	record Receipt(String reference, Instant receivedAt) {
	}

	Receipt receive(String token, HttpServletRequest request, Locale locale) throws IOException {
		var ticket = tickets.usable(token);
		var box = boxes.findById(ticket.boxId()).orElseThrow(TicketNotUsableException::new);
		var recipients = Recipients.of(accounts.publicKeysOf(box.members()));
		if (recipients.isEmpty()) {
			throw new SubmissionRejectedException(SubmissionRejectedException.Reason.BOX_NOT_READY);
		}
		if (!JakartaServletFileUpload.isMultipartContent(request)) {
			throw new SubmissionRejectedException(SubmissionRejectedException.Reason.NOT_A_FORM);
		}
		var stored = new ArrayList<BlobId>();
		try {
			var parts = new ArrayList<SubmissionPart>();
			var files = new ArrayList<Manifest.FileEntry>();
			var message = readForm(request, recipients, parts, files, stored);
			if (message.isBlank() && files.isEmpty()) {
				throw new SubmissionRejectedException(SubmissionRejectedException.Reason.EMPTY);
			}
			var manifest = json.writeValueAsBytes(new Manifest(message, files));
			parts.add(store(0, SubmissionPart.Kind.MANIFEST, "manifest.json", new ByteArrayInputStream(manifest),
					recipients, stored));
			var receipt = record(token, box, ticket.email(), parts, recipients, locale);
			stored.clear();
			return receipt;
		}
		catch (BlobStorageException e) {
			throw storageFailed(e);
		}
		finally {
			discard(stored);
		}
	}

	private String readForm(HttpServletRequest request, Recipients recipients, List<SubmissionPart> parts,
			List<Manifest.FileEntry> files, List<BlobId> stored) throws IOException {
		var upload = new JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory>();
		upload.setSizeMax(properties.maxSubmissionSize().toBytes() + FORM_OVERHEAD);
		upload.setFileSizeMax(properties.maxFileSize().toBytes());
		upload.setFileCountMax(properties.maxFiles() + 10L);
		var message = "";
		try {
			var items = upload.getItemIterator(request);
			while (items.hasNext()) {
				var item = items.next();
				if (item.isFormField()) {
					if (MESSAGE_FIELD.equals(item.getFieldName())) {
						message = readMessage(item);
					}
					continue;
				}
				if (!FILES_FIELD.equals(item.getFieldName())) {
					continue;
				}
				var part = storeFile(files.size() + 1, item, recipients, stored);
				if (part == null) {
					continue;
				}
				if (files.size() == properties.maxFiles()) {
					throw new SubmissionRejectedException(SubmissionRejectedException.Reason.TOO_MANY_FILES);
				}
				parts.add(part);
				files.add(new Manifest.FileEntry(FileNames.forDisplay(item.getName()), part.plaintextSize()));
			}
			return message;
		}
		catch (IOException e) {
			throw limitExceeded(e);
		}
	}

	/** The empty part a browser sends when no file was chosen is skipped (null). */
	private SubmissionPart storeFile(int position, FileItemInput item, Recipients recipients, List<BlobId> stored)
			throws IOException {
		var name = FileNames.forDisplay(item.getName());
		try (var in = item.getInputStream()) {
			var part = store(position, SubmissionPart.Kind.FILE, name, in, recipients, stored);
			if (part.plaintextSize() == 0 && (item.getName() == null || item.getName().isBlank())) {
				discard(List.of(part.blob()));
				stored.remove(part.blob());
				return null;
			}
			return part;
		}
	}

	private SubmissionPart store(int position, SubmissionPart.Kind kind, String name, InputStream plaintext,
			Recipients recipients, List<BlobId> stored) throws IOException {
		try (var blob = blobs.create()) {
			// on failure the uncommitted blob is discarded, so the half-written encryption needs no closing
			var encrypting = envelopes.encrypt(recipients.keys(), name, blob.stream());
			copy(plaintext, encrypting);
			encrypting.close();
			long plaintextSize = encrypting.plaintextBytes();
			List<KeyPacket> packets = encrypting.keyPackets();
			long ciphertextSize = blob.commit();
			stored.add(blob.id());
			return new SubmissionPart(position, kind, blob.id(), plaintextSize, ciphertextSize, recipients.zip(packets));
		}
	}

	private String readMessage(FileItemInput item) throws IOException {
		// UTF-8 needs at most four bytes a character; read one byte more than that allows to detect overflow
		long limit = properties.maxMessageLength() * 4L + 1;
		try (var in = item.getInputStream()) {
			var bytes = in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
			if (bytes.length == limit || in.read() != -1) {
				throw new SubmissionRejectedException(SubmissionRejectedException.Reason.MESSAGE_TOO_LONG);
			}
			var message = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
			if (message.codePointCount(0, message.length()) > properties.maxMessageLength()) {
				throw new SubmissionRejectedException(SubmissionRejectedException.Reason.MESSAGE_TOO_LONG);
			}
			return message;
		}
	}

	private Receipt record(String token, SubmitBox box, String senderEmail, List<SubmissionPart> parts,
			Recipients recipients, Locale locale) {
		try {
			return transactions.execute(status -> {
				var now = clock.instant();
				tickets.consume(token);
				var submission = new Submission(SubmissionId.random(), box.id(), references.next(), senderEmail, now,
						parts);
				submissions.save(submission);
				events.publishEvent(new SubmissionReceived(submission.id(), submission.reference(), box.name(),
						senderEmail, now, submission.fileCount(), recipients.users(), locale.toLanguageTag()));
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

	private void discard(List<BlobId> stored) {
		for (var blob : stored) {
			try {
				blobs.delete(blob);
			}
			catch (IOException e) {
				log.warn("Could not remove blob {} of a rejected submission; the sweeper will", blob.value(), e);
			}
		}
	}

	private static RuntimeException limitExceeded(IOException e) throws IOException {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof BlobStorageException storage) {
				return storageFailed(storage);
			}
			if (cause instanceof FileUploadByteCountLimitException) {
				return new SubmissionRejectedException(SubmissionRejectedException.Reason.FILE_TOO_LARGE, e);
			}
			if (cause instanceof FileUploadSizeException) {
				return new SubmissionRejectedException(SubmissionRejectedException.Reason.TOO_LARGE, e);
			}
			if (cause instanceof FileUploadFileCountLimitException) {
				return new SubmissionRejectedException(SubmissionRejectedException.Reason.TOO_MANY_FILES, e);
			}
		}
		throw e;
	}

	/** Disk full, say: the user learns that nothing was kept and the link still works; operators get the cause. */
	private static SubmissionRejectedException storageFailed(BlobStorageException e) {
		log.error("Submission not stored, storage failed: {}", e.getMessage());
		return new SubmissionRejectedException(SubmissionRejectedException.Reason.STORAGE_FAILED, e);
	}

	private static void copy(InputStream in, OutputStream out) throws IOException {
		var buffer = new byte[BUFFER_SIZE];
		int read;
		while ((read = in.read(buffer)) != -1) {
			out.write(buffer, 0, read);
		}
	}

	/** The box members that have a key, in a fixed order shared by keys and key packets. */
	private record Recipients(List<UserId> users, List<PublicKeyRing> keys) {

		static Recipients of(Map<UserId, PublicKeyRing> keysByUser) {
			var ordered = List.copyOf(keysByUser.entrySet());
			return new Recipients(ordered.stream().map(Map.Entry::getKey).toList(),
					ordered.stream().map(Map.Entry::getValue).toList());
		}

		boolean isEmpty() {
			return users.isEmpty();
		}

		Map<UserId, KeyPacket> zip(List<KeyPacket> packets) {
			var result = new LinkedHashMap<UserId, KeyPacket>();
			for (int i = 0; i < users.size(); i++) {
				result.put(users.get(i), packets.get(i));
			}
			return result;
		}
	}
}

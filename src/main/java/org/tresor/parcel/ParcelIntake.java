package org.tresor.parcel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.tresor.account.Accounts;
import org.tresor.account.UserId;
import org.tresor.crypto.Envelopes;
import org.tresor.crypto.KeyPacket;
import org.tresor.scan.FileScan;
import org.tresor.scan.MalwareScanner;
import org.tresor.scan.ScanVerdict;
import org.tresor.storage.BlobId;
import org.tresor.storage.BlobStorageException;
import org.tresor.storage.BlobStore;

import tools.jackson.databind.json.JsonMapper;

/**
 * Receives a form with files as it streams in: every file goes straight from the multipart parser into
 * OpenPGP encryption and on into the blob store, so no plaintext byte is buffered on disk or kept whole in
 * memory. The message text and file names end up in the encrypted manifest. The owner records the parcel
 * only after every blob is durable; should that fail, or the form be refused, the blobs are removed again.
 */
@Service
public class ParcelIntake {

	public static final String MESSAGE_FIELD = "message";

	public static final String FILES_FIELD = "files";

	private static final Logger log = LoggerFactory.getLogger(ParcelIntake.class);

	static final String UPLOAD_OBSERVATION = "tresor.upload";

	private static final int BUFFER_SIZE = 1 << 16;

	/** Room for the text fields and the multipart framing on top of the files. */
	private static final long FORM_OVERHEAD = 1 << 20;

	/** Plain fields (addresses, subject, dates) are short; this bounds what one may cost in memory. */
	private static final int MAX_FIELD_BYTES = 16 * 1024;

	private final Envelopes envelopes;

	private final BlobStore blobs;

	private final Parcels parcels;

	private final JsonMapper json;

	private final ObservationRegistry observations;

	private final Accounts accounts;

	private final Counter bytesEncrypted;

	private final MalwareScanner scanner;

	ParcelIntake(Envelopes envelopes, BlobStore blobs, Parcels parcels, JsonMapper json,
			ObservationRegistry observations, MeterRegistry meters, Accounts accounts, MalwareScanner scanner) {
		this.accounts = accounts;
		this.scanner = scanner;
		this.envelopes = envelopes;
		this.blobs = blobs;
		this.parcels = parcels;
		this.json = json;
		this.observations = observations;
		this.bytesEncrypted = Counter.builder("tresor.bytes.encrypted")
			.description("Plaintext bytes encrypted as they arrived (files and manifests)")
			.baseUnit("bytes")
			.register(meters);
	}

	/** Those of {@code users} who have a key, in the given order: whom a parcel can be encrypted to. */
	public Recipients readers(Collection<UserId> users) {
		return Recipients.of(accounts.publicKeysOf(users));
	}

	/**
	 * Reads the form in {@code form}, a request body. The fields sent before the first file (browsers send them in page
	 * order) decide who may read the parcel: {@code recipients} is asked once, before any file byte is
	 * accepted, and may refuse the form by throwing. {@code record} then stores the parcel; whatever it or
	 * the reading throws leaves no blob behind.
	 *
	 * Every call is observed as {@value #UPLOAD_OBSERVATION} (a timer; refused uploads carry their exception
	 * in the {@code error} tag).
	 *
	 * @throws ParcelRejectedException if the form breaks a limit or brings neither message nor file
	 */
	public <T> T receive(FormBody form, ParcelLimits limits,
			Function<Map<String, String>, Recipients> recipients, Function<ReceivedParcel, T> record)
			throws IOException {
		var observation = Observation.start(UPLOAD_OBSERVATION, observations);
		try (var scope = observation.openScope()) {
			return receiveObserved(form, limits, recipients, record);
		}
		catch (IOException | RuntimeException e) {
			observation.error(e);
			throw e;
		}
		finally {
			observation.stop();
		}
	}

	private <T> T receiveObserved(FormBody form, ParcelLimits limits,
			Function<Map<String, String>, Recipients> recipients, Function<ReceivedParcel, T> record)
			throws IOException {
		if (!form.isMultipartForm()) {
			throw new ParcelRejectedException(ParcelRejectedException.Reason.NOT_A_FORM);
		}
		var stored = new ArrayList<BlobId>();
		try {
			var received = new Form(limits, recipients);
			readInto(received, form, stored);
			// the fields are checked first: their errors say more than "empty"
			var readers = received.recipients();
			if (received.message.isBlank() && received.files.isEmpty()) {
				throw new ParcelRejectedException(ParcelRejectedException.Reason.EMPTY);
			}
			var manifest = json.writeValueAsBytes(new Manifest(received.message, received.entries));
			var manifestPart = store("manifest.json", new ByteArrayInputStream(manifest), readers, stored, null);
			var result = record.apply(new ReceivedParcel(Map.copyOf(received.fields), manifestPart, List.copyOf(received.files),
					readers));
			stored.clear();
			return result;
		}
		catch (BlobStorageException e) {
			throw storageFailed(e);
		}
		finally {
			parcels.removeBlobs(stored);
		}
	}

	private void readInto(Form form, FormBody body, List<BlobId> stored) throws IOException {
		var limits = new MultipartForm.Limits(form.limits.maxTotalSize().toBytes() + FORM_OVERHEAD,
				form.limits.maxFileSize().toBytes(), form.limits.maxFiles() + 10);
		try {
			var multipart = MultipartForm.of(body, limits);
			for (var item = multipart.next(); item != null; item = multipart.next()) {
				if (!item.isFile()) {
					form.addField(item.name(), readField(item, form.limits));
				}
				else if (FILES_FIELD.equals(item.name())) {
					storeFile(form, item, stored);
				}
			}
		}
		catch (MultipartForm.LimitExceededException e) {
			throw new ParcelRejectedException(switch (e.limit()) {
				case BODY -> ParcelRejectedException.Reason.TOO_LARGE;
				case FILE -> ParcelRejectedException.Reason.FILE_TOO_LARGE;
				case PARTS -> ParcelRejectedException.Reason.TOO_MANY_FILES;
			}, e);
		}
		catch (MultipartForm.MalformedFormException e) {
			throw new ParcelRejectedException(ParcelRejectedException.Reason.NOT_A_FORM, e);
		}
		catch (IOException e) {
			throw storageFailedOr(e);
		}
	}

	/** A storage failure may reach here wrapped by the encryption stream; anything else is passed on. */
	private static RuntimeException storageFailedOr(IOException e) throws IOException {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof BlobStorageException storage) {
				return storageFailed(storage);
			}
		}
		throw e;
	}

	/** The empty part a browser sends when no file was chosen is skipped. */
	private void storeFile(Form form, MultipartForm.Part item, List<BlobId> stored) throws IOException {
		var name = FileNames.forDisplay(item.fileName());
		StoredPart part;
		try (var scan = scanner.start()) {
			part = store(name, item.content(), form.recipients(), stored, scan);
		}
		if (part.plaintextSize() == 0 && item.fileName().isBlank()) {
			parcels.removeBlobs(List.of(part.blob()));
			stored.remove(part.blob());
			return;
		}
		if (form.files.size() == form.limits.maxFiles()) {
			throw new ParcelRejectedException(ParcelRejectedException.Reason.TOO_MANY_FILES);
		}
		form.files.add(part);
		form.entries.add(new Manifest.FileEntry(name, part.plaintextSize()));
	}

	/**
	 * Encrypts {@code plaintext} into a new blob; {@code scan}, if any, sees the same bytes on the way, and its
	 * verdict is in before the blob is committed: a file that is refused leaves no blob.
	 */
	private StoredPart store(String name, InputStream plaintext, Recipients recipients, List<BlobId> stored,
			FileScan scan) throws IOException {
		try (var blob = blobs.create()) {
			// on failure the uncommitted blob is discarded, so the half-written encryption needs no closing
			var encrypting = envelopes.encrypt(recipients.keys(), name, blob.stream());
			copy(plaintext, encrypting, scan, name);
			encrypting.close();
			boolean notScanned = scan != null && !scanned(name, scan.verdict());
			List<KeyPacket> packets = encrypting.keyPackets();
			long ciphertextSize = blob.commit();
			stored.add(blob.id());
			bytesEncrypted.increment(encrypting.plaintextBytes());
			return new StoredPart(blob.id(), encrypting.plaintextBytes(), ciphertextSize, recipients.zip(packets),
					notScanned);
		}
	}

	private static String readField(MultipartForm.Part item, ParcelLimits limits) throws IOException {
		boolean message = MESSAGE_FIELD.equals(item.name());
		// UTF-8 needs at most four bytes a character; read one byte more than allowed to detect overflow
		long limit = message ? limits.maxMessageLength() * 4L + 1 : MAX_FIELD_BYTES + 1;
		var tooLong = message ? ParcelRejectedException.Reason.MESSAGE_TOO_LONG
				: ParcelRejectedException.Reason.FIELD_TOO_LONG;
		var in = item.content();
		var bytes = in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
		if (bytes.length == limit || in.read() != -1) {
			throw new ParcelRejectedException(tooLong);
		}
		var text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
		if (message && text.codePointCount(0, text.length()) > limits.maxMessageLength()) {
			throw new ParcelRejectedException(tooLong);
		}
		return text;
	}

	/** Disk full, say: the sender learns that nothing was kept; operators get the cause. */
	private static ParcelRejectedException storageFailed(BlobStorageException e) {
		log.error("Form not stored, storage failed: {}", e.getMessage());
		return new ParcelRejectedException(ParcelRejectedException.Reason.STORAGE_FAILED, e);
	}

	/**
	 * A file that can no longer be scanned is refused at once when unscanned files are: the rest of it is not
	 * encrypted and written for nothing.
	 */
	private void copy(InputStream in, OutputStream out, FileScan scan, String name) throws IOException {
		var buffer = new byte[BUFFER_SIZE];
		int read;
		while ((read = in.read(buffer)) != -1) {
			if (scan != null) {
				scan.accept(buffer, 0, read);
				if (scan.failed() && !scanner.acceptsUnscanned()) {
					throw notScanned(name);
				}
			}
			out.write(buffer, 0, read);
		}
	}

	/**
	 * Whether the file was scanned (or scanning is off); refuses it when malware was found, and when it could not be
	 * scanned unless the scanner accepts such files, which are then marked.
	 */
	private boolean scanned(String name, ScanVerdict verdict) {
		if (verdict instanceof ScanVerdict.Infected infected) {
			throw new ParcelRejectedException(ParcelRejectedException.Reason.INFECTED, List.of(name, infected.finding()));
		}
		if (verdict instanceof ScanVerdict.Failed) {
			if (!scanner.acceptsUnscanned()) {
				throw notScanned(name);
			}
			return false;
		}
		return true;
	}

	private static ParcelRejectedException notScanned(String name) {
		return new ParcelRejectedException(ParcelRejectedException.Reason.NOT_SCANNED, List.of(name));
	}

	/** What has arrived of one form so far. */
	private static final class Form {

		private final ParcelLimits limits;

		private final Function<Map<String, String>, Recipients> resolver;

		private final Map<String, String> fields = new LinkedHashMap<>();

		private final List<StoredPart> files = new ArrayList<>();

		private final List<Manifest.FileEntry> entries = new ArrayList<>();

		private String message = "";

		private Recipients recipients;

		Form(ParcelLimits limits, Function<Map<String, String>, Recipients> resolver) {
			this.limits = limits;
			this.resolver = resolver;
		}

		void addField(String name, String value) {
			if (MESSAGE_FIELD.equals(name)) {
				message = value;
			}
			if (fields.size() < 32) {
				fields.putIfAbsent(name, value);
			}
		}

		/** Decided once, from the fields that came before the first file. */
		Recipients recipients() {
			if (recipients == null) {
				recipients = resolver.apply(Map.copyOf(fields));
				if (recipients.isEmpty()) {
					throw new IllegalStateException("A parcel needs at least one recipient");
				}
			}
			return recipients;
		}
	}
}

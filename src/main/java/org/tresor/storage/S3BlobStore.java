package org.tresor.storage;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.annotation.PreDestroy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * Blobs as objects in an S3-compatible bucket, keyed by their id, so every instance sees every blob. An upload
 * goes up in parts of {@link S3Settings#partSize()} while it is written: one part fills while the one before is
 * on its way, so an upload holds two parts in memory whatever its size. Nothing is visible under the id until
 * CompleteMultipartUpload returned; that is when a blob is durable. An upload closed without a commit aborts
 * its multipart upload, so neither an object nor parts remain; what a process that died leaves behind,
 * {@link #discardAbandonedUploads} aborts. A blob smaller than one part is sent with a single PutObject.
 */
class S3BlobStore implements BlobStore {

	private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);

	private static final String CONTENT_TYPE = "application/octet-stream";

	static final String KEY_PREFIX = "blobs/";

	private static final int FIRST_BUFFER_SIZE = 1 << 16;

	private final S3Client s3;

	private final String bucket;

	private final int partSize;

	private final Clock clock;

	/**
	 * Uploads without a part, by id, with the time this instance first listed them: some servers (S3Proxy)
	 * report the time of the listing as an upload's "Initiated", so that time alone would keep it for good.
	 */
	private final Map<String, Instant> partlessSince = new ConcurrentHashMap<>();

	private final ExecutorService partUploads = Executors.newCachedThreadPool(task -> {
		var thread = new Thread(task, "tresor-s3-part-upload");
		thread.setDaemon(true);
		return thread;
	});

	S3BlobStore(S3Client s3, S3Settings settings, Clock clock) {
		this.s3 = s3;
		this.bucket = settings.bucket();
		this.partSize = (int) settings.partSize().toBytes();
		this.clock = clock;
	}

	@PreDestroy
	void shutdown() {
		partUploads.shutdown();
	}

	@Override
	public BlobUpload create() {
		return new S3Upload(BlobId.random());
	}

	@Override
	public InputStream open(BlobId id) throws IOException {
		try {
			return new AbortingInputStream(s3.getObject(request -> request.bucket(bucket).key(key(id))));
		}
		catch (NoSuchKeyException e) {
			throw new BlobNotFoundException(id);
		}
		catch (SdkException e) {
			throw new IOException("Cannot read blob " + id.value() + ": " + e.getMessage(), e);
		}
	}

	@Override
	public boolean exists(BlobId id) {
		try {
			s3.headObject(request -> request.bucket(bucket).key(key(id)));
			return true;
		}
		catch (NoSuchKeyException e) {
			return false;
		}
		catch (S3Exception e) {
			if (e.statusCode() == 404) {
				return false;
			}
			throw e;
		}
	}

	@Override
	public void delete(BlobId id) throws IOException {
		try {
			s3.deleteObject(request -> request.bucket(bucket).key(key(id)));
		}
		catch (SdkException e) {
			throw new IOException("Cannot delete blob " + id.value() + ": " + e.getMessage(), e);
		}
	}

	@Override
	public Stream<StoredBlob> list() throws IOException {
		try {
			// the paginator fetches the next thousand keys only when the stream gets there
			return s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(KEY_PREFIX))
				.contents()
				.stream()
				.flatMap(object -> blobId(object.key())
					.map(id -> new StoredBlob(id, object.lastModified()))
					.stream());
		}
		catch (SdkException e) {
			throw new IOException("Cannot list the bucket " + bucket + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Aborts multipart uploads of blob ids whose newest part arrived before the cut-off: an upload in progress
	 * sends a part every few seconds. The listing's "Initiated" is not trusted alone (S3Proxy reports the time
	 * of the listing there); an upload without any part counts from the earlier of that time and the sweep
	 * that first saw it without parts.
	 */
	@Override
	public int discardAbandonedUploads(Instant lastWrittenBefore) throws IOException {
		int discarded = 0;
		var listed = new HashSet<String>();
		try {
			for (MultipartUpload upload : s3.listMultipartUploadsPaginator(request -> request.bucket(bucket).prefix(KEY_PREFIX))
				.uploads()) {
				listed.add(upload.uploadId());
				if (blobId(upload.key()).isEmpty() || !lastWritten(upload).isBefore(lastWrittenBefore)) {
					continue;
				}
				try {
					s3.abortMultipartUpload(request -> request.bucket(bucket)
						.key(upload.key())
						.uploadId(upload.uploadId()));
					discarded++;
				}
				catch (NoSuchUploadException finishedMeanwhile) {
					// completed or aborted since it was listed
				}
				partlessSince.remove(upload.uploadId());
			}
		}
		catch (SdkException e) {
			throw new IOException("Cannot list the uploads in the bucket " + bucket + ": " + e.getMessage(), e);
		}
		partlessSince.keySet().retainAll(listed);
		return discarded;
	}

	/** When the upload last received a part; without one, when it began as far as this instance can tell. */
	private Instant lastWritten(MultipartUpload upload) {
		try {
			var newestPart = s3.listPartsPaginator(request -> request.bucket(bucket)
				.key(upload.key())
				.uploadId(upload.uploadId()))
				.parts()
				.stream()
				.map(Part::lastModified)
				.filter(Objects::nonNull)
				.max(Comparator.naturalOrder());
			if (newestPart.isPresent()) {
				partlessSince.remove(upload.uploadId());
				return newestPart.get();
			}
			var firstSeen = partlessSince.computeIfAbsent(upload.uploadId(), id -> clock.instant());
			return upload.initiated() == null || firstSeen.isBefore(upload.initiated()) ? firstSeen : upload.initiated();
		}
		catch (NoSuchUploadException finishedMeanwhile) {
			return Instant.MAX;
		}
		catch (S3Exception e) {
			// S3Proxy refuses to list the parts of an upload while a part is arriving: in use, so kept
			log.debug("Cannot list the parts of upload {} of {}, kept until the next sweep: {}", upload.uploadId(),
					upload.key(), e.getMessage());
			return Instant.MAX;
		}
	}

	/**
	 * Blobs live under one prefix, so the bucket can hold other things (a health probe, a server's own
	 * bookkeeping) without the sweeper taking them for blobs.
	 */
	static String key(BlobId id) {
		return KEY_PREFIX + id.value();
	}

	private static Optional<BlobId> blobId(String key) {
		if (!key.startsWith(KEY_PREFIX)) {
			return Optional.empty();
		}
		try {
			return Optional.of(new BlobId(key.substring(KEY_PREFIX.length())));
		}
		catch (IllegalArgumentException notABlob) {
			return Optional.empty();
		}
	}

	private final class S3Upload implements BlobUpload {

		private final BlobId id;

		private final OutputStream stream = new PartStream();

		private final List<CompletedPart> parts = new ArrayList<>();

		/** The part being filled; the other one may be on its way. */
		private byte[] filling;

		private byte[] sending;

		private int filled;

		private long size;

		private String uploadId;

		private CompletableFuture<CompletedPart> inFlight;

		private boolean committed;

		S3Upload(BlobId id) {
			this.id = id;
		}

		@Override
		public BlobId id() {
			return id;
		}

		@Override
		public OutputStream stream() {
			return stream;
		}

		@Override
		public long commit() throws IOException {
			try {
				if (uploadId == null) {
					int length = filled;
					byte[] content = filling == null ? new byte[0] : filling;
					s3.putObject(request -> request.bucket(bucket).key(key(id)).contentType(CONTENT_TYPE),
							body(content, length));
				}
				else {
					if (filled > 0) {
						sendFilledPart();
					}
					awaitPartInFlight();
					s3.completeMultipartUpload(request -> request.bucket(bucket)
						.key(key(id))
						.uploadId(uploadId)
						.multipartUpload(upload -> upload.parts(parts)));
				}
			}
			catch (SdkException e) {
				throw new BlobStorageException("Cannot store blob " + id.value() + ": " + e.getMessage(), e);
			}
			committed = true;
			release();
			return size;
		}

		@Override
		public void close() {
			if (committed) {
				return;
			}
			release();
			if (uploadId == null) {
				return;
			}
			try {
				if (inFlight != null) {
					// a part still on its way could otherwise land after the abort and stay
					inFlight.handle((part, failure) -> null).join();
				}
				s3.abortMultipartUpload(request -> request.bucket(bucket).key(key(id)).uploadId(uploadId));
			}
			catch (SdkException e) {
				// the sweeper aborts it later (discardAbandonedUploads)
				log.warn("Could not abort the upload of blob {}: {}", id.value(), e.getMessage());
			}
		}

		private void write(byte[] bytes, int offset, int length) throws IOException {
			if (committed) {
				throw new IOException("Blob " + id.value() + " is already committed");
			}
			while (length > 0) {
				if (filling == null) {
					filling = new byte[Math.min(partSize, FIRST_BUFFER_SIZE)];
				}
				else if (filled == filling.length) {
					// small blobs, the most common, never take a whole part's memory
					filling = Arrays.copyOf(filling, (int) Math.min(partSize, 2L * filling.length));
				}
				int chunk = Math.min(length, filling.length - filled);
				System.arraycopy(bytes, offset, filling, filled, chunk);
				filled += chunk;
				size += chunk;
				offset += chunk;
				length -= chunk;
				if (filled == partSize) {
					sendFilledPart();
				}
			}
		}

		/** Waits for the part before (so at most two exist), then sends this one in the background. */
		private void sendFilledPart() throws IOException {
			try {
				if (uploadId == null) {
					uploadId = s3.createMultipartUpload(request -> request.bucket(bucket)
						.key(key(id))
						.contentType(CONTENT_TYPE)).uploadId();
				}
				awaitPartInFlight();
			}
			catch (SdkException e) {
				throw new BlobStorageException("Cannot store blob " + id.value() + ": " + e.getMessage(), e);
			}
			byte[] part = filling;
			int length = filled;
			int number = parts.size() + 1;
			filling = sending;
			sending = part;
			filled = 0;
			inFlight = CompletableFuture.supplyAsync(() -> {
				var response = s3.uploadPart(request -> request.bucket(bucket)
					.key(key(id))
					.uploadId(uploadId)
					.partNumber(number)
					.contentLength((long) length), body(part, length));
				return CompletedPart.builder().partNumber(number).eTag(response.eTag()).build();
			}, partUploads);
		}

		private void awaitPartInFlight() throws BlobStorageException {
			if (inFlight == null) {
				return;
			}
			try {
				parts.add(inFlight.join());
				inFlight = null;
			}
			catch (CompletionException e) {
				throw new BlobStorageException("Cannot store blob " + id.value() + ": " + e.getCause().getMessage(),
						e.getCause());
			}
		}

		private void release() {
			filling = null;
			sending = null;
		}

		/** Writers may close it when done (OpenPGP encryption does); the upload decides what happens. */
		private final class PartStream extends OutputStream {

			@Override
			public void write(int b) throws IOException {
				S3Upload.this.write(new byte[] { (byte) b }, 0, 1);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				S3Upload.this.write(bytes, offset, length);
			}
		}
	}

	/** The SDK reads the part twice (payload signature, retries): each read gets a fresh view, no copy. */
	private static RequestBody body(byte[] content, int length) {
		return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(content, 0, length), length,
				CONTENT_TYPE);
	}

	/**
	 * A download the reader stops early (the browser went away) drops the connection instead of reading the
	 * rest of a large object just to reuse it.
	 */
	private static final class AbortingInputStream extends FilterInputStream {

		private final ResponseInputStream<GetObjectResponse> response;

		private boolean ended;

		AbortingInputStream(ResponseInputStream<GetObjectResponse> response) {
			super(response);
			this.response = response;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			ended |= b < 0;
			return b;
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			int n = super.read(bytes, offset, length);
			ended |= n < 0;
			return n;
		}

		@Override
		public void close() throws IOException {
			if (!ended) {
				response.abort();
			}
			super.close();
		}
	}
}

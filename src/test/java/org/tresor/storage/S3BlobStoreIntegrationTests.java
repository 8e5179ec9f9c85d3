package org.tresor.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;
import org.tresor.MutableClock;
import org.tresor.S3Server;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;
import software.amazon.awssdk.services.s3.paginators.ListObjectsV2Iterable;

/**
 * The S3 store against a real S3-compatible server (S3Proxy, started by the test): the {@link BlobStoreContract},
 * then what only a bucket can get wrong: parts left behind by an interrupted or abandoned upload, memory that
 * grows with the blob.
 */
class S3BlobStoreIntegrationTests extends BlobStoreContract {

	static final S3Server SERVER = S3Server.shared();

	/** The smallest part S3 takes, so {@link #LARGE} blobs go up in three parts. */
	static final DataSize PART_SIZE = DataSize.ofMegabytes(5);

	final S3Client s3 = SERVER.client();

	final String bucket = SERVER.newBucket();

	@AfterEach
	void closeClient() {
		s3.close();
	}

	@Override
	S3BlobStore store() {
		return new S3BlobStore(s3, settings(bucket), Clock.systemUTC());
	}

	static S3Settings settings(String bucket) {
		return new S3Settings(SERVER.endpoint(), "us-east-1", bucket, true, S3Server.ACCESS_KEY,
				S3Server.SECRET_KEY, PART_SIZE);
	}

	@Test
	void interruptedUploadLeavesNoObjectAndNoParts() throws IOException {
		var store = store();
		var failingWriter = new IOException("the client went away");
		assertThatThrownBy(() -> {
			try (var upload = store.create()) {
				upload.stream().write(new byte[LARGE]);
				throw failingWriter;
			}
		}).isSameAs(failingWriter);

		assertThat(s3.listObjectsV2(request -> request.bucket(bucket)).contents()).isEmpty();
		assertThat(s3.listMultipartUploads(request -> request.bucket(bucket)).uploads()).isEmpty();
	}

	@Test
	void reportsAFailedCompletionAsAStorageFailureAndKeepsNothing() throws IOException {
		var store = new S3BlobStore(new CompletionRefused(s3), settings(bucket), Clock.systemUTC());
		try (var upload = store.create()) {
			upload.stream().write(new byte[LARGE]);
			assertThatThrownBy(upload::commit).isInstanceOf(BlobStorageException.class);
		}
		try (var listed = store.list()) {
			assertThat(listed).isEmpty();
		}
		assertThat(s3.listMultipartUploads(request -> request.bucket(bucket)).uploads()).isEmpty();
	}

	@Test
	void smallBlobNeverStartsAMultipartUpload() throws IOException {
		var store = store();
		try (var upload = store.create()) {
			upload.stream().write(new byte[1000]);
			assertThat(s3.listMultipartUploads(request -> request.bucket(bucket)).uploads()).isEmpty();
		}
	}

	@Test
	void discardsAMultipartUploadAProcessThatDiedLeftBehind() throws IOException {
		var store = store();
		var key = S3BlobStore.key(BlobId.random());
		var uploadId = s3.createMultipartUpload(request -> request.bucket(bucket).key(key)).uploadId();
		s3.uploadPart(request -> request.bucket(bucket).key(key).uploadId(uploadId).partNumber(1),
				RequestBody.fromBytes(new byte[1000]));

		assertThat(store.discardAbandonedUploads(Instant.now().minus(Duration.ofHours(1)))).isZero();
		assertThat(store.discardAbandonedUploads(Instant.now().plus(Duration.ofMinutes(1)))).isOne();

		assertThat(s3.listMultipartUploads(request -> request.bucket(bucket)).uploads()).isEmpty();
	}

	/**
	 * S3Proxy reports the time of the listing as every upload's "Initiated": an upload a killed instance left
	 * goes by its newest part, which is hours old, while one still sending parts stays.
	 */
	@Test
	void discardsAnUploadWhoseNewestPartIsOldAndKeepsOneStillReceivingParts() throws IOException {
		var store = store();
		var abandoned = startUploadWithAPart();
		var live = startUploadWithAPart();
		age(abandoned, Duration.ofHours(3));

		assertThat(store.discardAbandonedUploads(Instant.now().minus(Duration.ofHours(1)))).isOne();

		assertThat(s3.listMultipartUploads(request -> request.bucket(bucket)).uploads())
			.extracting(upload -> upload.uploadId())
			.containsExactly(live);
	}

	/** An instance killed between starting an upload and its first part leaves an upload without parts. */
	@Test
	void discardsAnUploadWithoutPartsOnceItHasBeenSeenLongEnough() throws IOException {
		var clock = new MutableClock();
		var store = new S3BlobStore(s3, settings(bucket), clock);
		var key = S3BlobStore.key(BlobId.random());
		s3.createMultipartUpload(request -> request.bucket(bucket).key(key));

		assertThat(store.discardAbandonedUploads(clock.instant().minus(Duration.ofHours(1)))).isZero();
		clock.advance(Duration.ofMinutes(30));
		assertThat(store.discardAbandonedUploads(clock.instant().minus(Duration.ofHours(1)))).isZero();
		clock.advance(Duration.ofMinutes(40));
		assertThat(store.discardAbandonedUploads(clock.instant().minus(Duration.ofHours(1)))).isOne();

		assertThat(s3.listMultipartUploads(request -> request.bucket(bucket)).uploads()).isEmpty();
	}

	private String startUploadWithAPart() {
		var key = S3BlobStore.key(BlobId.random());
		var uploadId = s3.createMultipartUpload(request -> request.bucket(bucket).key(key)).uploadId();
		s3.uploadPart(request -> request.bucket(bucket).key(key).uploadId(uploadId).partNumber(1),
				RequestBody.fromBytes(new byte[1000]));
		return uploadId;
	}

	/** Sets the modification time of everything the server keeps for the upload back by {@code age}. */
	private void age(String uploadId, Duration age) throws IOException {
		var then = FileTime.from(Instant.now().minus(age));
		try (var files = Files.walk(SERVER.bucketDirectory(bucket))) {
			var aged = files.filter(Files::isRegularFile)
				.filter(file -> file.toString().contains(uploadId))
				.peek(file -> {
					try {
						Files.setLastModifiedTime(file, then);
					}
					catch (IOException e) {
						throw new java.io.UncheckedIOException(e);
					}
				})
				.count();
			assertThat(aged).as("files of upload " + uploadId).isPositive();
		}
	}

	@Test
	void leavesObjectsThatAreNoBlobsOutOfTheList() throws IOException {
		s3.putObject(request -> request.bucket(bucket).key("someone-elses-file"), RequestBody.fromString("x"));
		try (var listed = store().list()) {
			assertThat(listed).isEmpty();
		}
	}

	@Test
	void reportsAnUnreachableServerAsAStorageFailure() {
		var unreachable = new S3Settings(java.net.URI.create("http://127.0.0.1:9"), "us-east-1", bucket, true,
				S3Server.ACCESS_KEY, S3Server.SECRET_KEY, PART_SIZE);
		try (var client = new S3Storage().s3Client(properties(unreachable))) {
			var store = new S3BlobStore(client, unreachable, Clock.systemUTC());
			assertThatThrownBy(() -> {
				try (var upload = store.create()) {
					upload.stream().write(1);
					upload.commit();
				}
			}).isInstanceOf(BlobStorageException.class);
		}
	}

	@Test
	void healthIsUpWhenAProbeCanBeWrittenAndLeavesNothingBehind() {
		var health = new S3BlobStoreHealthIndicator(s3, bucket).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("bucket", bucket);
		assertThat(s3.listObjectsV2(request -> request.bucket(bucket)).contents()).isEmpty();
	}

	@Test
	void healthIsDownWhenTheBucketIsGone() {
		var health = new S3BlobStoreHealthIndicator(s3, "no-such-bucket-" + bucket).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
	}

	/**
	 * A few hundred MiB go up and come down again while the heap that stays in use after a collection grows by no
	 * more than the two parts an upload holds (and some slack): memory does not grow with the blob.
	 */
	@Test
	void streamsHundredsOfMebibytesInConstantMemory() throws IOException, NoSuchAlgorithmException {
		var store = store();
		long size = DataSize.ofMegabytes(320).toBytes();
		var heap = new HeapWatch();
		var written = MessageDigest.getInstance("SHA-256");
		BlobId id;
		try (var upload = store.create()) {
			var out = new DigestOutputStream(upload.stream(), written);
			copy(new PseudoRandomStream(size), out, heap);
			assertThat(upload.commit()).isEqualTo(size);
			id = upload.id();
		}
		var read = MessageDigest.getInstance("SHA-256");
		try (var in = store.open(id)) {
			copy(in, new DigestOutputStream(OutputStream.nullOutputStream(), read), heap);
		}
		assertThat(read.digest()).isEqualTo(written.digest());
		store.delete(id);
		assertThat(heap.growth()).isLessThan(2 * PART_SIZE.toBytes() + DataSize.ofMegabytes(24).toBytes());
	}

	private static void copy(InputStream in, OutputStream out, HeapWatch heap) throws IOException {
		var buffer = new byte[1 << 16];
		long copied = 0;
		for (int n; (n = in.read(buffer)) > 0;) {
			out.write(buffer, 0, n);
			copied += n;
			if (copied % DataSize.ofMegabytes(32).toBytes() < n) {
				heap.sample();
			}
		}
	}

	private static StorageProperties properties(S3Settings s3) {
		return new StorageProperties(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")), Duration.ofHours(1),
				Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24), DataSize.ofMegabytes(32),
				StorageProperties.Type.S3, s3);
	}

	/** The real server, except that it refuses to complete a multipart upload (a full quota, say). */
	private record CompletionRefused(S3Client s3) implements S3Client {

		@Override
		public CreateMultipartUploadResponse createMultipartUpload(CreateMultipartUploadRequest request) {
			return s3.createMultipartUpload(request);
		}

		@Override
		public UploadPartResponse uploadPart(UploadPartRequest request, RequestBody body) {
			return s3.uploadPart(request, body);
		}

		@Override
		public CompleteMultipartUploadResponse completeMultipartUpload(CompleteMultipartUploadRequest request) {
			throw (S3Exception) S3Exception.builder().statusCode(403).message("QuotaExceeded").build();
		}

		@Override
		public AbortMultipartUploadResponse abortMultipartUpload(AbortMultipartUploadRequest request) {
			return s3.abortMultipartUpload(request);
		}

		@Override
		public ListObjectsV2Iterable listObjectsV2Paginator(ListObjectsV2Request request) {
			return s3.listObjectsV2Paginator(request);
		}

		@Override
		public String serviceName() {
			return s3.serviceName();
		}

		@Override
		public void close() {
		}
	}

	/** Heap in use after a full collection, at the start and at its highest since. */
	private static final class HeapWatch {

		private final long baseline = usedAfterCollection();

		private long highest = baseline;

		void sample() {
			highest = Math.max(highest, usedAfterCollection());
		}

		long growth() {
			return highest - baseline;
		}

		private static long usedAfterCollection() {
			System.gc();
			return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		}
	}

	/** {@code size} bytes that compress badly, like ciphertext, made on the fly. */
	private static final class PseudoRandomStream extends InputStream {

		private final Random random = new Random(10);

		private long left;

		PseudoRandomStream(long size) {
			this.left = size;
		}

		@Override
		public int read() {
			if (left == 0) {
				return -1;
			}
			left--;
			return random.nextInt(256);
		}

		@Override
		public int read(byte[] bytes, int offset, int length) {
			if (left == 0) {
				return -1;
			}
			int n = (int) Math.min(length, left);
			var chunk = new byte[n];
			random.nextBytes(chunk);
			System.arraycopy(chunk, 0, bytes, offset, n);
			left -= n;
			return n;
		}
	}
}

package org.tresor.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Blobs as files: written under a temporary name, synced, then renamed into place, so a crash never leaves
 * a half-written blob under a real id. What a crash does leave are temporary files, which
 * {@link #discardAbandonedUploads} removes. Large blobs are synced in the background while they are written
 * (Linux starts writing dirty pages back only at about a tenth of the memory): the sync at commit then
 * waits for the last few megabytes instead of the whole file.
 */
@Component
@ConditionalOnProperty(prefix = "tresor.storage", name = "type", havingValue = "filesystem", matchIfMissing = true)
class FilesystemBlobStore implements BlobStore {

	static final String TEMP_SUFFIX = ".part";

	private static final int BUFFER_SIZE = 1 << 16;

	private static final Pattern FAN_OUT = Pattern.compile("[0-9a-f]{2}");

	private final Path root;

	private final long writeBackInterval;

	private final ExecutorService writeBack = Executors.newCachedThreadPool(task -> {
		var thread = new Thread(task, "tresor-blob-write-back");
		thread.setDaemon(true);
		return thread;
	});

	private final Path temp;

	FilesystemBlobStore(StorageProperties properties) {
		this.root = properties.directory().toAbsolutePath().normalize();
		this.writeBackInterval = properties.writeBackInterval().toBytes();
		this.temp = root.resolve("tmp");
		try {
			Files.createDirectories(temp);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create the blob directory " + root, e);
		}
	}

	@PreDestroy
	void shutdown() {
		writeBack.shutdown();
	}

	@Override
	public BlobUpload create() throws IOException {
		var id = BlobId.random();
		var tempFile = temp.resolve(id.value() + TEMP_SUFFIX);
		try {
			var channel = FileChannel.open(tempFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			return new FileUpload(id, tempFile, channel);
		}
		catch (IOException e) {
			throw new BlobStorageException("Cannot start a blob in " + temp, e);
		}
	}

	@Override
	public InputStream open(BlobId id) throws IOException {
		try {
			return Files.newInputStream(pathOf(id));
		}
		catch (NoSuchFileException e) {
			throw new BlobNotFoundException(id);
		}
	}

	@Override
	public boolean exists(BlobId id) {
		return Files.isRegularFile(pathOf(id));
	}

	@Override
	public void delete(BlobId id) throws IOException {
		Files.deleteIfExists(pathOf(id));
	}

	@Override
	public Stream<StoredBlob> list() throws IOException {
		var directories = Files.list(root);
		return directories.filter(directory -> FAN_OUT.matcher(directory.getFileName().toString()).matches())
			.flatMap(FilesystemBlobStore::filesIn)
			.flatMap(file -> stored(file).stream())
			.onClose(directories::close);
	}

	@Override
	public int discardAbandonedUploads(Instant lastWrittenBefore) throws IOException {
		int discarded = 0;
		try (var files = Files.list(temp)) {
			for (var file : (Iterable<Path>) files::iterator) {
				if (lastModified(file).filter(time -> time.isBefore(lastWrittenBefore)).isPresent()
						&& Files.deleteIfExists(file)) {
					discarded++;
				}
			}
		}
		return discarded;
	}

	Path pathOf(BlobId id) {
		// two-level fan-out keeps directories small with millions of blobs
		return root.resolve(id.value().substring(0, 2)).resolve(id.value());
	}

	private static Stream<Path> filesIn(Path directory) {
		try {
			return Files.list(directory).toList().stream();
		}
		catch (IOException e) {
			// removed since it was listed: nothing in it
			return Stream.empty();
		}
	}

	private static Optional<StoredBlob> stored(Path file) {
		BlobId id;
		try {
			id = new BlobId(file.getFileName().toString());
		}
		catch (IllegalArgumentException notABlob) {
			return Optional.empty();
		}
		return lastModified(file).map(time -> new StoredBlob(id, time));
	}

	private static Optional<Instant> lastModified(Path file) {
		try {
			return Optional.of(Files.getLastModifiedTime(file).toInstant());
		}
		catch (IOException e) {
			// deleted meanwhile
			return Optional.empty();
		}
	}

	private final class FileUpload implements BlobUpload {

		private final BlobId id;

		private final Path tempFile;

		private final FileChannel channel;

		private final OutputStream stream;

		private boolean committed;

		private long written;

		private long writtenAtLastSync;

		private CompletableFuture<Void> syncing = CompletableFuture.completedFuture(null);

		FileUpload(BlobId id, Path tempFile, FileChannel channel) {
			this.id = id;
			this.tempFile = tempFile;
			this.channel = channel;
			var file = Channels.newOutputStream(channel);
			this.stream = new UploadStream(new BufferedOutputStream(new OutputStream() {
				@Override
				public void write(int b) throws IOException {
					write(new byte[] { (byte) b }, 0, 1);
				}

				@Override
				public void write(byte[] bytes, int offset, int length) throws IOException {
					file.write(bytes, offset, length);
					written += length;
					if (written - writtenAtLastSync >= writeBackInterval && syncing.isDone()) {
						startSync();
					}
				}
			}, BUFFER_SIZE));
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
			stream.flush();
			var target = pathOf(id);
			long size;
			try {
				awaitSync();
				channel.force(true);
				size = channel.size();
				channel.close();
				Files.createDirectories(target.getParent());
				Files.move(tempFile, target, StandardCopyOption.ATOMIC_MOVE);
				syncDirectory(target.getParent());
			}
			catch (AtomicMoveNotSupportedException e) {
				throw new BlobStorageException("The blob directory must support atomic renames", e);
			}
			catch (IOException e) {
				throw new BlobStorageException("Cannot store blob " + id.value(), e);
			}
			committed = true;
			return size;
		}

		@Override
		public void close() throws IOException {
			if (!committed) {
				try {
					channel.close();
				}
				finally {
					Files.deleteIfExists(tempFile);
				}
			}
		}

		private void startSync() throws IOException {
			awaitSync();
			writtenAtLastSync = written;
			syncing = CompletableFuture.runAsync(() -> {
				try {
					channel.force(false);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}, writeBack);
		}

		/** A failed background sync fails the blob: Linux reports a lost write only once. */
		private void awaitSync() throws IOException {
			try {
				syncing.join();
			}
			catch (CompletionException e) {
				throw e.getCause() instanceof UncheckedIOException io ? io.getCause()
						: new IOException("Writing the blob back failed", e.getCause());
			}
		}
	}

	/**
	 * Reports write failures (disk full, say) as {@link BlobStorageException}. Writers may close it when done
	 * (OpenPGP encryption does); the upload decides what happens to the file.
	 */
	private static final class UploadStream extends OutputStream {

		private final OutputStream out;

		UploadStream(OutputStream out) {
			this.out = out;
		}

		@Override
		public void write(int b) throws IOException {
			try {
				out.write(b);
			}
			catch (IOException e) {
				throw failed(e);
			}
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			try {
				out.write(bytes, offset, length);
			}
			catch (IOException e) {
				throw failed(e);
			}
		}

		@Override
		public void flush() throws IOException {
			try {
				out.flush();
			}
			catch (IOException e) {
				throw failed(e);
			}
		}

		@Override
		public void close() throws IOException {
			flush();
		}

		private static BlobStorageException failed(IOException e) {
			return e instanceof BlobStorageException storage ? storage
					: new BlobStorageException("Cannot write blob: " + e.getMessage(), e);
		}
	}

	private static void syncDirectory(Path directory) throws IOException {
		// the rename is only durable once the directory entry is on disk
		try (var dir = FileChannel.open(directory, StandardOpenOption.READ)) {
			dir.force(true);
		}
	}
}

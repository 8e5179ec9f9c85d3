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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Blobs as files: written under a temporary name, synced, then renamed into place, so a crash never leaves
 * a half-written blob under a real id. Large blobs are synced in the background while they are written
 * (Linux starts writing dirty pages back only at about a tenth of the memory): the sync at commit then
 * waits for the last few megabytes instead of the whole file.
 */
@Component
class FilesystemBlobStore implements BlobStore {

	static final String TEMP_SUFFIX = ".part";

	private static final int BUFFER_SIZE = 1 << 16;

	private final Path root;

	private final Path temp;

	private final long writeBackInterval;

	private final ExecutorService writeBack = Executors.newCachedThreadPool(task -> {
		var thread = new Thread(task, "tresor-blob-write-back");
		thread.setDaemon(true);
		return thread;
	});

	FilesystemBlobStore(StorageProperties properties) {
		this.root = properties.directory().toAbsolutePath().normalize();
		this.temp = root.resolve("tmp");
		this.writeBackInterval = properties.writeBackInterval().toBytes();
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
		var channel = FileChannel.open(tempFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		return new FileUpload(id, tempFile, channel);
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

	Path pathOf(BlobId id) {
		// two-level fan-out keeps directories small with millions of blobs
		return root.resolve(id.value().substring(0, 2)).resolve(id.value());
	}

	private final class FileUpload implements BlobUpload {

		private final BlobId id;

		private final Path tempFile;

		private final FileChannel channel;

		private final OutputStream stream;

		private long written;

		private long writtenAtLastSync;

		private CompletableFuture<Void> syncing = CompletableFuture.completedFuture(null);

		private boolean committed;

		FileUpload(BlobId id, Path tempFile, FileChannel channel) {
			this.id = id;
			this.tempFile = tempFile;
			this.channel = channel;
			var file = Channels.newOutputStream(channel);
			// writers may close the stream when done (OpenPGP encryption does); the upload decides about the file
			this.stream = new BufferedOutputStream(new OutputStream() {
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
			}, BUFFER_SIZE) {
				@Override
				public void close() throws IOException {
					flush();
				}
			};
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
			awaitSync();
			channel.force(true);
			long size = channel.size();
			channel.close();
			var target = pathOf(id);
			Files.createDirectories(target.getParent());
			try {
				Files.move(tempFile, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException e) {
				throw new IOException("The blob directory must support atomic renames", e);
			}
			syncDirectory(target.getParent());
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

	private static void syncDirectory(Path directory) throws IOException {
		// the rename is only durable once the directory entry is on disk
		try (var dir = FileChannel.open(directory, StandardOpenOption.READ)) {
			dir.force(true);
		}
	}
}

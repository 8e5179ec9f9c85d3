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

import org.springframework.stereotype.Component;

/**
 * Blobs as files: written under a temporary name, synced, then renamed into place, so a crash never leaves
 * a half-written blob under a real id.
 */
@Component
class FilesystemBlobStore implements BlobStore {

	static final String TEMP_SUFFIX = ".part";

	private static final int BUFFER_SIZE = 1 << 16;

	private final Path root;

	private final Path temp;

	FilesystemBlobStore(StorageProperties properties) {
		this.root = properties.directory().toAbsolutePath().normalize();
		this.temp = root.resolve("tmp");
		try {
			Files.createDirectories(temp);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create the blob directory " + root, e);
		}
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

		private boolean committed;

		FileUpload(BlobId id, Path tempFile, FileChannel channel) {
			this.id = id;
			this.tempFile = tempFile;
			this.channel = channel;
			// writers may close the stream when done (OpenPGP encryption does); the upload decides about the file
			this.stream = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_SIZE) {
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
	}

	private static void syncDirectory(Path directory) throws IOException {
		// the rename is only durable once the directory entry is on disk
		try (var dir = FileChannel.open(directory, StandardOpenOption.READ)) {
			dir.force(true);
		}
	}
}

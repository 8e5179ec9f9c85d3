package org.tresor.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** The filesystem store keeps the contract, and these promises about the files it leaves. */
class FilesystemBlobStoreTests extends BlobStoreContract {

	@TempDir
	Path directory;

	@Override
	FilesystemBlobStore store() {
		return new FilesystemBlobStore(properties(directory));
	}

	static StorageProperties properties(Path directory) {
		return properties(directory, DataSize.ofMegabytes(32));
	}

	static StorageProperties properties(Path directory, DataSize writeBackInterval) {
		return new StorageProperties(directory, Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofHours(1),
				Duration.ofHours(24), writeBackInterval, StorageProperties.Type.FILESYSTEM, null);
	}

	@Test
	void writesLargeBlobsBackWhileTheyAreWrittenAndKeepsEveryByte() throws IOException {
		var store = new FilesystemBlobStore(properties(directory, DataSize.ofKilobytes(64)));
		var content = new byte[5_000_000];
		new Random(5).nextBytes(content);

		assertKeepsEveryByteWrittenInSmallPieces(store, content);
		try (var left = Files.list(directory.resolve("tmp"))) {
			assertThat(left).isEmpty();
		}
	}

	@Test
	void discardsALargeBlobWhoseWriteBackIsStillRunning() throws IOException {
		var store = new FilesystemBlobStore(properties(directory, DataSize.ofKilobytes(64)));
		BlobId id;
		try (var upload = store.create()) {
			upload.stream().write(new byte[3_000_000]);
			id = upload.id();
		}
		assertThat(store.exists(id)).isFalse();
		try (var left = Files.list(directory.resolve("tmp"))) {
			assertThat(left).isEmpty();
		}
	}

	@Test
	void uncommittedBlobLeavesNothingBehind() throws IOException {
		var store = store();
		BlobId id;
		try (var upload = store.create()) {
			upload.stream().write(new byte[100_000]);
			id = upload.id();
		}
		assertThat(store.exists(id)).isFalse();
		try (var files = Files.walk(directory)) {
			assertThat(files.filter(Files::isRegularFile)).isEmpty();
		}
	}

	@Test
	void rejectsIdsThatAreNotGenerated() {
		assertThatThrownBy(() -> new BlobId("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void discardsOnlyTemporaryFilesNotWrittenToSinceTheCutOff() throws IOException {
		var store = store();
		var abandoned = Files.write(directory.resolve("tmp").resolve("abandoned.part"), new byte[10]);
		Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
		try (var inProgress = store.create()) {
			inProgress.stream().write(1);
			inProgress.stream().flush();

			assertThat(store.discardAbandonedUploads(Instant.now().minus(Duration.ofHours(1)))).isEqualTo(1);

			assertThat(abandoned).doesNotExist();
			inProgress.commit();
			assertThat(store.exists(inProgress.id())).isTrue();
		}
	}

	@Test
	void reportsAFailedWriteAsAStorageFailureAndKeepsNothing() throws IOException {
		var store = store();
		try (var upload = store.create()) {
			upload.stream().write(new byte[10]);
			// an operator's clean-up script took the temporary file away: the rename into place fails
			Files.delete(directory.resolve("tmp").resolve(upload.id().value() + FilesystemBlobStore.TEMP_SUFFIX));
			assertThatThrownBy(upload::commit).isInstanceOf(BlobStorageException.class);
		}
		try (var listed = store.list()) {
			assertThat(listed).isEmpty();
		}
	}
}

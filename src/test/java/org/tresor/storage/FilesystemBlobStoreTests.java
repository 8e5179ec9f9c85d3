package org.tresor.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class FilesystemBlobStoreTests {

	@TempDir
	Path directory;

	FilesystemBlobStore store() {
		return new FilesystemBlobStore(new StorageProperties(directory, DataSize.ofMegabytes(32)));
	}

	@Test
	void writesLargeBlobsBackWhileTheyAreWrittenAndKeepsEveryByte() throws IOException {
		var store = new FilesystemBlobStore(new StorageProperties(directory, DataSize.ofKilobytes(64)));
		var content = new byte[5_000_000];
		new Random(5).nextBytes(content);
		BlobId id;
		try (var upload = store.create()) {
			for (int offset = 0; offset < content.length; offset += 10_000) {
				upload.stream().write(content, offset, Math.min(10_000, content.length - offset));
			}
			assertThat(upload.commit()).isEqualTo(content.length);
			id = upload.id();
		}
		try (var in = store.open(id)) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		try (var left = Files.list(directory.resolve("tmp"))) {
			assertThat(left).isEmpty();
		}
	}

	@Test
	void discardsALargeBlobWhoseWriteBackIsStillRunning() throws IOException {
		var store = new FilesystemBlobStore(new StorageProperties(directory, DataSize.ofKilobytes(64)));
		BlobId id;
		try (var upload = store.create()) {
			upload.stream().write(new byte[3_000_000]);
			id = upload.id();
		}
		assertThat(store.exists(id)).isFalse();
		try (var files = Files.walk(directory)) {
			assertThat(files.filter(Files::isRegularFile)).isEmpty();
		}
	}

	@Test
	void committedBlobCanBeReadBack() throws IOException {
		var store = store();
		BlobId id;
		try (var upload = store.create()) {
			upload.stream().write("ciphertext".getBytes(StandardCharsets.UTF_8));
			assertThat(upload.commit()).isEqualTo(10);
			id = upload.id();
		}
		try (var in = store.open(id)) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ciphertext");
		}
		assertThat(store.exists(id)).isTrue();
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
	void blobIsInvisibleUntilCommitted() throws IOException {
		var store = store();
		try (var upload = store.create()) {
			upload.stream().write(1);
			upload.stream().flush();
			assertThat(store.exists(upload.id())).isFalse();
			assertThatThrownBy(() -> store.open(upload.id())).isInstanceOf(BlobNotFoundException.class);
		}
	}

	@Test
	void deletedBlobIsGoneAndDeletingTwiceIsHarmless() throws IOException {
		var store = store();
		BlobId id;
		try (var upload = store.create()) {
			upload.stream().write(1);
			upload.commit();
			id = upload.id();
		}
		store.delete(id);
		store.delete(id);
		assertThat(store.exists(id)).isFalse();
		assertThatThrownBy(() -> store.open(id)).isInstanceOf(BlobNotFoundException.class);
	}

	@Test
	void writerMayCloseTheStreamBeforeTheCommit() throws IOException {
		var store = store();
		try (var upload = store.create()) {
			upload.stream().write(new byte[] { 1, 2, 3 });
			upload.stream().close();
			assertThat(upload.commit()).isEqualTo(3);
			assertThat(store.exists(upload.id())).isTrue();
		}
	}

	@Test
	void rejectsIdsThatAreNotGenerated() {
		assertThatThrownBy(() -> new BlobId("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
	}
}

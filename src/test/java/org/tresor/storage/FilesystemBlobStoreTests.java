package org.tresor.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemBlobStoreTests {

	@TempDir
	Path directory;

	FilesystemBlobStore store() {
		return new FilesystemBlobStore(new StorageProperties(directory));
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

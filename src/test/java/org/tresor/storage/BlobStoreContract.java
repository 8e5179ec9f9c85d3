package org.tresor.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * What every {@link BlobStore} does, whatever keeps the bytes: each implementation's test class extends this
 * one and adds what is particular to it.
 */
abstract class BlobStoreContract {

	/** A store with nothing in it. */
	abstract BlobStore store() throws IOException;

	/** Larger than one piece the store writes at once (an S3 part, a write-back interval). */
	static final int LARGE = 12_000_000;

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
	void emptyBlobCanBeCommitted() throws IOException {
		var store = store();
		try (var upload = store.create()) {
			assertThat(upload.commit()).isZero();
			try (var in = store.open(upload.id())) {
				assertThat(in.readAllBytes()).isEmpty();
			}
		}
	}

	@Test
	void largeBlobWrittenInSmallPiecesKeepsEveryByte() throws IOException {
		var content = new byte[LARGE];
		new Random(5).nextBytes(content);

		assertKeepsEveryByteWrittenInSmallPieces(store(), content);
	}

	/** Writes {@code content} 10,000 bytes at a time, commits and reads it back whole. */
	static void assertKeepsEveryByteWrittenInSmallPieces(BlobStore store, byte[] content) throws IOException {
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
	}

	@Test
	void uncommittedBlobIsNeitherVisibleNorListed() throws IOException {
		var store = store();
		BlobId id;
		try (var upload = store.create()) {
			upload.stream().write(new byte[LARGE]);
			id = upload.id();
		}
		assertThat(store.exists(id)).isFalse();
		try (var listed = store.list()) {
			assertThat(listed).isEmpty();
		}
	}

	@Test
	void blobIsInvisibleUntilCommitted() throws IOException {
		var store = store();
		try (var upload = store.create()) {
			upload.stream().write(new byte[LARGE]);
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
	void readerMayStopEarlyAndReadAgainLater() throws IOException {
		var store = store();
		BlobId id;
		try (var upload = store.create()) {
			upload.stream().write(new byte[LARGE]);
			upload.commit();
			id = upload.id();
		}
		try (var in = store.open(id)) {
			assertThat(in.readNBytes(1000)).hasSize(1000);
		}
		try (var in = store.open(id)) {
			assertThat(in.transferTo(java.io.OutputStream.nullOutputStream())).isEqualTo(LARGE);
		}
	}

	@Test
	void listsCommittedBlobsWithTheirAgeButNotUploadsInProgress() throws IOException {
		var store = store();
		BlobId committed;
		try (var upload = store.create()) {
			upload.stream().write(1);
			upload.commit();
			committed = upload.id();
		}
		try (var inProgress = store.create()) {
			inProgress.stream().write(new byte[LARGE]);
			inProgress.stream().flush();
			try (var listed = store.list()) {
				assertThat(listed.toList()).singleElement().satisfies(blob -> {
					assertThat(blob.id()).isEqualTo(committed);
					assertThat(blob.lastModified()).isBefore(Instant.now().plusSeconds(1));
				});
			}
		}
	}

	@Test
	void keepsAnUploadInProgressWhenDiscardingAbandonedOnes() throws IOException {
		var store = store();
		try (var inProgress = store.create()) {
			inProgress.stream().write(new byte[LARGE]);
			inProgress.stream().flush();

			assertThat(store.discardAbandonedUploads(Instant.now().minus(Duration.ofHours(1)))).isZero();

			inProgress.stream().write(new byte[10]);
			assertThat(inProgress.commit()).isEqualTo(LARGE + 10);
			assertThat(store.exists(inProgress.id())).isTrue();
		}
	}
}

package org.tresor.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.FileSystemUtils;

class BlobStoreHealthIndicatorTests {

	@TempDir
	Path directory;

	@Test
	void isUpWhenAProbeCanBeWrittenAndLeavesNothingBehind() throws IOException {
		var properties = FilesystemBlobStoreTests.properties(directory);
		var health = new BlobStoreHealthIndicator(new FilesystemBlobStore(properties), properties).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsKey("free");
		try (var files = Files.walk(directory)) {
			assertThat(files.filter(Files::isRegularFile)).isEmpty();
		}
	}

	@Test
	void isDownWhenTheStoreCannotBeWritten() throws IOException {
		var properties = FilesystemBlobStoreTests.properties(directory);
		var store = new FilesystemBlobStore(properties);
		// the temporary directory vanished and a file took its place: no upload can start
		FileSystemUtils.deleteRecursively(directory.resolve("tmp"));
		Files.writeString(directory.resolve("tmp"), "in the way");
		var health = new BlobStoreHealthIndicator(store, properties).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
	}
}

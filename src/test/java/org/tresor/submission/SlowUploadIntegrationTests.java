package org.tresor.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tresor.account.AccountFixtures;

/**
 * An upload that stops sending (slow-loris, or a client that stalls) is cut off by the server once it has
 * been idle for {@code server.tomcat.connection-timeout}: nothing is kept and the ticket still works. Its
 * own application, with a timeout of two seconds instead of the default twenty, and its own data directory.
 */
class SlowUploadIntegrationTests extends SubmissionIntegrationTest {

	static final Path DATA = temporaryDirectory();

	/** Database and blobs named outright: the shared tests' data directory setting would win over ours. */
	@DynamicPropertySource
	static void shortIdleTimeout(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA + "/db/tresor;DB_CLOSE_ON_EXIT=FALSE");
		registry.add("tresor.storage.directory", () -> DATA.resolve("blobs").toString());
		registry.add("server.tomcat.connection-timeout", () -> "2s");
	}

	@Test
	void stalledUploadIsCutOffByTheServerLeavingNothingAndTheTicketStillWorks() throws Exception {
		AccountFixtures.administrator(context, this::local);
		var sender = sender();
		var link = ticketLink(sender);
		var blobsBefore = blobFiles();
		var file = Files.readAllBytes(randomFile("stalled.bin", 2_000_000));

		try (var upload = new RawUpload(formTarget(link), new MultipartBody("stalled", "stalled.bin", file))) {
			upload.sendFileUpTo(500_000);
			await("the upload is being encrypted into a temporary file", () -> !temporaryFiles().isEmpty());
			// the client keeps the connection open and sends nothing more
			await("the server gave up on the idle upload", () -> temporaryFiles().isEmpty());
		}

		assertThat(blobFiles()).isEqualTo(blobsBefore);
		assertThat(submissionsFrom(sender)).isZero();
		var retry = submit(client.getPage(local(link)), "second try", randomFile("small.bin", 1000));
		assertThat(retry.getElementById("reference")).isNotNull();
	}

	static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("tresor-slow-upload-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

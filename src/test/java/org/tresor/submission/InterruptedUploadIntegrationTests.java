package org.tresor.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.tresor.account.AccountFixtures;
import org.tresor.storage.BlobStorageException;

/**
 * An upload that dies half-way (the client hangs up, something inside the encryption pipeline throws, storage
 * cannot write) leaves nothing behind: no blob, no temporary file, no row, and the ticket still works.
 */
class InterruptedUploadIntegrationTests extends SubmissionIntegrationTest {

	@Test
	void clientHangingUpMidwayLeavesNothingAndTheTicketStillWorks() throws Exception {
		AccountFixtures.administrator(context, this::local);
		var sender = sender();
		var link = ticketLink(sender);
		var blobsBefore = blobFiles();
		var file = Files.readAllBytes(randomFile("large.bin", 2_500_000));

		try (var upload = new RawUpload(formTarget(link), new MultipartBody("half a message", "large.bin", file))) {
			upload.sendFileUpTo(1_000_000);
			await("the upload is being encrypted into a temporary file", () -> !temporaryFiles().isEmpty());
		}

		await("the server cleared up after the client", () -> temporaryFiles().isEmpty());
		assertThat(blobFiles()).isEqualTo(blobsBefore);
		assertThat(submissionsFrom(sender)).isZero();
		var retry = submit(client.getPage(local(link)), "second try", randomFile("small.bin", 1000));
		assertThat(retry.getElementById("reference")).isNotNull();
		assertThat(submissionsFrom(sender)).isEqualTo(1);
	}

	@Test
	void failureInsideTheEncryptionLeavesNothingAndTheTicketStillWorks() throws Exception {
		AccountFixtures.administrator(context, this::local);
		var sender = sender();
		var link = ticketLink(sender);
		var blobsBefore = blobFiles();
		faults().failUploadsAfter(200_000, () -> new IllegalStateException("simulated failure inside the encryption"));

		var failed = submit(client.getPage(local(link)), "text", randomFile("first.pdf", 100_000),
				randomFile("second.pdf", 1_000_000));

		assertThat(failed.getWebResponse().getStatusCode()).isEqualTo(500);
		assertThat(failed.asNormalizedText()).contains("An unexpected error occurred").doesNotContain("simulated");
		assertThat(blobFiles()).isEqualTo(blobsBefore);
		assertThat(submissionsFrom(sender)).isZero();
		faults().heal();
		var retry = submit(client.getPage(local(link)), "second try", randomFile("again.pdf", 1000));
		assertThat(retry.getElementById("reference")).isNotNull();
	}

	@Test
	void storageThatCannotWriteGetsAClearMessageAndKeepsNothing() throws Exception {
		AccountFixtures.administrator(context, this::local);
		var sender = sender();
		var link = ticketLink(sender);
		var blobsBefore = blobFiles();
		faults().failUploadsAfter(500_000,
				() -> new BlobStorageException("Cannot write blob", new IOException("No space left on device")));

		var refused = submit(client.getPage(local(link)), "text", randomFile("scan.pdf", 1_500_000));

		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(503);
		assertThat(refused.asNormalizedText()).contains("could not be stored just now. Nothing was kept; your link is still valid");
		assertThat(blobFiles()).isEqualTo(blobsBefore);
		assertThat(submissionsFrom(sender)).isZero();
		faults().heal();
		assertThat(submit(client.getPage(local(link)), "again", randomFile("scan.pdf", 1_500_000))
			.getElementById("reference")).isNotNull();
	}

	/**
	 * A small file's ciphertext goes out when the MDC is finished, on close: a full disk then is the
	 * same storage failure as in the middle of a large file (it used to arrive unchecked and answer 500).
	 */
	@Test
	void fullDiskAtTheVeryEndOfASmallFileGetsTheSameClearMessageAndKeepsNothing() throws Exception {
		AccountFixtures.administrator(context, this::local);
		var sender = sender();
		var link = ticketLink(sender);
		var blobsBefore = blobFiles();
		faults().failUploadsAfter(100,
				() -> new BlobStorageException("Cannot write blob", new IOException("No space left on device")));
		try {
			// more than one pipeline chunk (64 KiB), fewer than a batch: written out only as the MDC is finished
			var refused = submit(client.getPage(local(link)), "text", randomFile("note.txt", 150_000));

			assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(503);
			assertThat(refused.asNormalizedText())
				.contains("could not be stored just now. Nothing was kept; your link is still valid");
			assertThat(blobFiles()).isEqualTo(blobsBefore);
			assertThat(temporaryFiles()).isEmpty();
			assertThat(submissionsFrom(sender)).isZero();
		}
		finally {
			faults().heal();
		}
		assertThat(submit(client.getPage(local(link)), "again", randomFile("note.txt", 1000))
			.getElementById("reference")).isNotNull();
	}
}

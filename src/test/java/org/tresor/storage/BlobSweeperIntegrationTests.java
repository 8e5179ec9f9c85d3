package org.tresor.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tresor.account.AccountFixtures;
import org.tresor.submission.SubmissionIntegrationTest;

/**
 * The sweeper puts storage and database back in step: it clears what crashed uploads left, removes blobs no
 * row refers to, and shows administrators the blobs that rows refer to but storage lost.
 */
class BlobSweeperIntegrationTests extends SubmissionIntegrationTest {

	static final Instant LONG_AGO = Instant.now().minus(Duration.ofDays(2));

	@Autowired
	BlobSweeper sweeper;

	@Test
	void removesLeftoversOnceTheyAreOldEnoughAndNeverWhatARowNeeds() throws Exception {
		AccountFixtures.administrator(context, this::local);
		var reference = submitted(sender(), "keep me", randomFile("kept.pdf", 20_000));
		var needed = blobsOf(reference);
		needed.forEach(blob -> age(blob));
		var abandonedUpload = aged(Files.write(tmp().resolve(UUID.randomUUID() + ".part"), new byte[100]));
		var uploadInProgress = Files.write(tmp().resolve(UUID.randomUUID() + ".part"), new byte[100]);
		var orphan = aged(newBlob());
		var newOrphan = newBlob();
		try {
			var report = sweeper.sweep();

			assertThat(report.abandonedUploads()).isEqualTo(1);
			assertThat(report.unreferencedBlobs()).isEqualTo(1);
			assertThat(abandonedUpload).doesNotExist();
			assertThat(orphan).doesNotExist();
			assertThat(uploadInProgress).as("written to just now").exists();
			assertThat(newOrphan).as("may still get its row").exists();
			assertThat(needed).allSatisfy(blob -> assertThat(pathOf(blob)).exists());
		}
		finally {
			Files.deleteIfExists(uploadInProgress);
			Files.deleteIfExists(newOrphan);
		}
	}

	@Test
	void showsAdministratorsABlobDeletedBehindTheApplicationsBackUntilItIsRestored() throws Exception {
		var admin = AccountFixtures.administrator(context, this::local);
		var reference = submitted(sender(), "", randomFile("lost.pdf", 30_000));
		var lost = jdbc.queryForObject("select p.blob_id from parcel_parts p join submissions s on s.id = p.submission_id"
				+ " where s.reference = ? and p.kind = 'FILE'", String.class, reference);
		var ciphertext = Files.readAllBytes(pathOf(lost));
		Files.delete(pathOf(lost));

		var report = sweeper.sweep();

		assertThat(report.missingBlobs()).isEqualTo(1);
		AccountFixtures.logIn(staff, url("/login"), admin);
		HtmlPage storagePage = staff.getPage(url("/admin/storage"));
		assertThat(storagePage.asNormalizedText()).contains("1 encrypted file is missing")
			.contains("submission " + reference + ", file 1")
			.contains(lost);
		HtmlPage details = staff.getPage(staffLink(admin.email(), reference));
		((HtmlInput) details.getHtmlElementById("secuPass")).setValue(admin.secuPass());
		var download = press(details, "Download");
		assertThat(download.getWebResponse().getStatusCode()).isEqualTo(410);
		assertThat(((HtmlPage) download).asNormalizedText()).contains("This file is no longer stored");

		Files.write(pathOf(lost), ciphertext);
		assertThat(sweeper.sweep().missingBlobs()).isZero();
		assertThat(((HtmlPage) staff.getPage(url("/admin/storage"))).asNormalizedText()).contains("Nothing is missing");
	}

	@Test
	void aBlobWhoseSubmissionIsBeingDeletedIsNotMissing() throws Exception {
		AccountFixtures.administrator(context, this::local);
		var reference = submitted(sender(), "going", randomFile("going.pdf", 10_000));
		jdbc.update("update submissions set deleted_at = current_timestamp where reference = ?", reference);
		for (var blob : blobsOf(reference)) {
			Files.delete(pathOf(blob));
		}

		assertThat(sweeper.sweep().missingBlobs()).isZero();
	}

	java.util.List<String> blobsOf(String reference) {
		return jdbc.queryForList("select p.blob_id from parcel_parts p join submissions s on s.id = p.submission_id"
				+ " where s.reference = ?", String.class, reference);
	}

	static Path tmp() {
		return DATA_DIRECTORY.resolve("blobs").resolve("tmp");
	}

	static Path pathOf(String blob) {
		return DATA_DIRECTORY.resolve("blobs").resolve(blob.substring(0, 2)).resolve(blob);
	}

	static Path newBlob() throws Exception {
		var path = pathOf(UUID.randomUUID().toString());
		Files.createDirectories(path.getParent());
		return Files.write(path, new byte[64]);
	}

	static void age(String blob) {
		aged(pathOf(blob));
	}

	static Path aged(Path file) {
		try {
			Files.setLastModifiedTime(file, FileTime.from(LONG_AGO));
			return file;
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}

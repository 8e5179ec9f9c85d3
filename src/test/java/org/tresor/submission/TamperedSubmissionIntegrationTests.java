package org.tresor.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tresor.RawHttp;
import org.tresor.account.AccountFixtures;
import org.tresor.account.AccountFixtures.Credentials;

/**
 * Ciphertext changed behind Tresor's back (on the disk or in the database) fails closed: the staff member's
 * download breaks off before its end, as the browser sees it on the wire, and the audit log records which
 * blob failed, never a file name.
 */
class TamperedSubmissionIntegrationTests extends SubmissionIntegrationTest {

	static final int SIZE = 1_000_000;

	Credentials admin;

	@BeforeEach
	void administrator() {
		admin = AccountFixtures.administrator(context, this::local);
	}

	@Test
	void flippedByteInAStoredFileCutsTheDownloadShortAndIsAudited() throws Exception {
		var submission = submissionWithFile("flipped-secret-name.bin");
		flipByteInTheMiddle(submission.fileBlob());

		var response = download(submission, "/files/1");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(SIZE));
		assertThat(response.complete()).as("body complete").isFalse();
		assertThat(response.body().length).isLessThan(SIZE);
		assertAudited(submission.fileBlob());
	}

	@Test
	void flippedByteInAStoredFileLeavesTheZipWithoutItsClosingChunk() throws Exception {
		var submission = submissionWithFile("zipped-secret-name.bin");
		flipByteInTheMiddle(submission.fileBlob());

		var response = download(submission, "/zip");

		assertThat(response.header("Transfer-Encoding")).isEqualTo("chunked");
		assertThat(response.complete()).as("closing chunk sent").isFalse();
		assertAudited(submission.fileBlob());
	}

	@Test
	void strippedIntegrityPacketIsRefusedBeforeAnyByteAndAudited() throws Exception {
		var submission = submissionWithFile("stripped-secret-name.bin");
		var file = blobPath(submission.fileBlob());
		var ciphertext = Files.readAllBytes(file);
		// tag 18 (encrypted and integrity protected) becomes tag 9 (encrypted, no integrity packet)
		assertThat(ciphertext[0] & 0xFF).as("new-format header of tag 18").isEqualTo(0xC0 | 18);
		ciphertext[0] = (byte) (0xC0 | 9);
		Files.write(file, ciphertext);

		var response = download(submission, "/files/1");

		assertThat(response.status()).isEqualTo(500);
		assertThat(response.header("Content-Disposition")).isNull();
		assertThat(response.header("Content-Type")).startsWith("text/html");
		assertAudited(submission.fileBlob());
	}

	@Test
	void keyPacketOfAnotherFileInTheDatabaseIsRefusedAndAudited() throws Exception {
		var submission = submissionWithFile("swapped-secret-name.bin");
		var other = submissionWithFile("other-secret-name.bin");
		jdbc.update("update parcel_key_packets set packet = (select k.packet from parcel_key_packets k join parcel_parts p"
				+ " on p.id = k.part_id where p.blob_id = ?) where part_id = (select id from parcel_parts"
				+ " where blob_id = ?)", other.fileBlob(), submission.fileBlob());

		var response = download(submission, "/files/1");

		assertThat(response.status()).isEqualTo(500);
		assertThat(response.header("Content-Disposition")).isNull();
		assertAudited(submission.fileBlob());
	}

	@ParameterizedTest
	@ValueSource(strings = { "AAAA", "no base64 at all!" })
	void damagedKeyPacketInTheDatabaseAnswersLikeADamagedFileAndIsAudited(String packet) throws Exception {
		var submission = submissionWithFile("damaged-packet-secret-name.bin");
		jdbc.update("update parcel_key_packets set packet = ? where part_id = (select id from parcel_parts"
				+ " where blob_id = ?)", packet, submission.fileBlob());

		var response = download(submission, "/files/1");

		assertThat(response.status()).isEqualTo(500);
		assertThat(response.header("Content-Disposition")).isNull();
		assertThat(response.header("Content-Type")).startsWith("text/html");
		assertThat(response.text()).contains("This file is damaged").doesNotContain("unexpected error");
		assertAudited(submission.fileBlob());
	}

	@Test
	void strippedIntegrityPacketAnswersTheDamagedPage() throws Exception {
		var submission = submissionWithFile("stripped-page-secret-name.bin");
		var file = blobPath(submission.fileBlob());
		var ciphertext = Files.readAllBytes(file);
		ciphertext[0] = (byte) (0xC0 | 9);
		Files.write(file, ciphertext);

		assertThat(download(submission, "/files/1").text()).contains("This file is damaged");
	}

	@Test
	void intactFilesDownloadCompletelyAndAuditNoFailure() throws Exception {
		var submission = submissionWithFile("intact.bin");

		var response = download(submission, "/files/1");

		assertThat(response.complete()).isTrue();
		assertThat(response.body()).hasSize(SIZE);
		assertThat(integrityFailures(submission.fileBlob())).isEmpty();
	}

	record Stored(String reference, String id, String fileBlob) {
	}

	Stored submissionWithFile(String name) throws IOException {
		var reference = submitted(sender(), "", randomFile(name, SIZE));
		var id = jdbc.queryForObject("select id from submissions where reference = ?", String.class, reference);
		var blob = jdbc.queryForObject("select p.blob_id from parcel_parts p where p.submission_id = ?"
				+ " and p.kind = 'FILE'", String.class, id);
		return new Stored(reference, id, blob);
	}

	RawHttp.Response download(Stored submission, String what) throws IOException {
		if (staff.getCookieManager().getCookie("JSESSIONID") == null) {
			AccountFixtures.logIn(staff, url("/login"), admin);
		}
		HtmlPage details = staff.getPage(url("/inbox/" + submission.id()));
		return new RawHttp(port).postFrom(staff, details, "/inbox/" + submission.id() + what,
				Map.of("secuPass", admin.secuPass()));
	}

	void flipByteInTheMiddle(String blob) throws IOException {
		var file = blobPath(blob);
		var ciphertext = Files.readAllBytes(file);
		ciphertext[ciphertext.length / 2] ^= 0x01;
		Files.write(file, ciphertext);
	}

	Path blobPath(String blob) {
		return blobDirectory().resolve(blob.substring(0, 2)).resolve(blob);
	}

	List<Map<String, Object>> integrityFailures(String blob) {
		return jdbc.queryForList("select actor, subject from audit_entries where action = 'INTEGRITY_FAILURE'"
				+ " and subject like ?", "%" + blob + "%");
	}

	void assertAudited(String blob) {
		var entries = integrityFailures(blob);
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0)).containsEntry("actor", admin.email());
		assertThat(entries.get(0).get("subject").toString()).doesNotContain("secret-name");
	}
}

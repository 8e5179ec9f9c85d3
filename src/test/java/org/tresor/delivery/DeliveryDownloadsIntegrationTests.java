package org.tresor.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tresor.Attachments.assertAttachment;

import java.io.IOException;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.htmlunit.html.HtmlPage;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;
import org.tresor.RawHttp;

/**
 * What a recipient's browser receives, byte by byte: every kind of download is an attachment it neither
 * renders, sniffs nor caches; ciphertext changed behind Tresor's back fails closed, the download breaking off
 * before its end or never starting, and the audit log records the blob, never the file name.
 */
class DeliveryDownloadsIntegrationTests extends DeliveryIntegrationTest {

	static final int SIZE = 600_000;

	/** As large as the test limits allow: more than the socket buffers hold once the client stops reading. */
	static final int LARGE = 3_000_000;

	@Test
	void everyKindOfDownloadIsAnAttachmentThatIsNeverSniffedNorCached() throws Exception {
		var address = activatedRecipient();
		var delivery = deliveryTo(address, "<b>report\u202Elmth.html");

		var file = download(address, delivery, "/files/1");
		assertAttachment(file);
		assertThat(ContentDisposition.parse(file.header("Content-Disposition")).getFilename())
			.as("no bidi override, and no character Windows refuses").isEqualTo("_b_reportlmth.html");
		assertThat(file.body()).hasSize(SIZE);
		assertAttachment(new RawHttp(port).postFrom(recipient, recipient.getPage(url("/received/" + delivery.id())),
				"/received/" + delivery.id() + "/zip", Map.of("secuPass", RECIPIENT_SECUPASS)));
		// marks the delivery downloaded, so a POST with the CSRF token
		assertAttachment(new RawHttp(port).postFrom(recipient, recipient.getPage(url("/received/" + delivery.id())),
				"/received/" + delivery.id() + "/encrypted/1", Map.of()));
	}

	@Test
	void flippedByteInAStoredFileCutsTheRecipientsDownloadShortAndIsAudited() throws Exception {
		var address = activatedRecipient();
		var delivery = deliveryTo(address, "flipped-secret-name.bin");
		var file = blobPath(delivery.fileBlob());
		var ciphertext = Files.readAllBytes(file);
		ciphertext[ciphertext.length / 2] ^= 0x01;
		Files.write(file, ciphertext);

		var response = download(address, delivery, "/files/1");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.complete()).as("body complete").isFalse();
		assertThat(response.body().length).isLessThan(SIZE);
		assertAudited(delivery.fileBlob(), address);
	}

	@Test
	void sendersKeyPacketInTheRecipientsPlaceIsRefusedAndAudited() throws Exception {
		var address = activatedRecipient();
		var delivery = deliveryTo(address, "swapped-secret-name.bin");
		var recipientId = userId(address);
		jdbc.update("update parcel_key_packets set packet = (select k.packet from parcel_key_packets k"
				+ " where k.part_id = parcel_key_packets.part_id and k.user_id = ?) where user_id = ? and part_id ="
				+ " (select id from parcel_parts where blob_id = ?)", userId(sender.email()), recipientId,
				delivery.fileBlob());

		var response = download(address, delivery, "/files/1");

		assertThat(response.status()).isEqualTo(500);
		assertThat(response.header("Content-Disposition")).isNull();
		assertAudited(delivery.fileBlob(), address);
	}

	@Test
	void aDownloadCutOffHalfWayIsNeitherRecordedNorToldToTheSender() throws Exception {
		var address = activatedRecipient();
		var delivery = deliveryTo(address, "cut-off.bin", randomFile("cut-off.bin", LARGE));
		logInAsRecipient(address);

		new RawHttp(port).postAndAbandon(recipient, recipient.getPage(url("/received/" + delivery.id())),
				"/received/" + delivery.id() + "/files/1", Map.of("secuPass", RECIPIENT_SECUPASS), 64 * 1024);

		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
			.until(() -> downloadedAt(delivery) == null && downloadedMails(address).isEmpty());
		var complete = download(address, delivery, "/files/1");
		assertThat(complete.complete()).isTrue();
		MAIL.await(sender.email(), address + " downloaded your delivery");
		assertThat(downloadedAt(delivery)).isNotNull();
		assertThat(downloadedMails(address)).hasSize(1);
	}

	Object downloadedAt(Sent delivery) {
		return jdbc.queryForObject("select downloaded_at from delivery_recipients where delivery_id = ?", Object.class,
				delivery.id());
	}

	List<?> downloadedMails(String address) {
		return MAIL.to(sender.email()).stream().filter(mail -> subject(mail).equals(address + " downloaded your delivery"))
			.toList();
	}

	static String subject(MimeMessage mail) {
		try {
			return String.valueOf(mail.getSubject());
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	record Sent(String id, String fileBlob) {
	}

	Sent deliveryTo(String address, String fileName) throws IOException {
		return deliveryTo(address, fileName, randomFile(fileName));
	}

	Sent deliveryTo(String address, String fileName, Path file) throws IOException {
		var subject = "Tamper " + fileName;
		send(address, subject, "", file);
		var id = jdbc.queryForObject("select id from deliveries where subject = ?", String.class, subject);
		var blob = jdbc.queryForObject("select blob_id from parcel_parts where delivery_id = ? and kind = 'FILE'",
				String.class, id);
		return new Sent(id, blob);
	}

	RawHttp.Response download(String address, Sent delivery, String what) throws IOException {
		logInAsRecipient(address);
		HtmlPage details = recipient.getPage(url("/received/" + delivery.id()));
		return new RawHttp(port).postFrom(recipient, details, "/received/" + delivery.id() + what,
				Map.of("secuPass", RECIPIENT_SECUPASS));
	}

	String userId(String email) {
		return jdbc.queryForObject("select id from users where email = ?", String.class, email);
	}

	Path randomFile(String name) throws IOException {
		var bytes = new byte[SIZE];
		new Random(name.hashCode()).nextBytes(bytes);
		return Files.write(uploads.resolve(name), bytes);
	}

	Path blobPath(String blob) {
		return blobDirectory().resolve(blob.substring(0, 2)).resolve(blob);
	}

	void assertAudited(String blob, String reader) {
		List<Map<String, Object>> entries = jdbc.queryForList("select actor, subject from audit_entries"
				+ " where action = 'INTEGRITY_FAILURE' and subject like ?", "%" + blob + "%");
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0)).containsEntry("actor", reader);
		assertThat(entries.get(0).get("subject").toString()).doesNotContain("secret-name");
	}
}

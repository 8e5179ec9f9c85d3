package org.tresor.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tresor.Browsers;
import org.tresor.RawHttp;
import org.tresor.TresorIntegrationTest;
import org.tresor.account.AccountFixtures;

/**
 * The outbound form goes through the same streaming intake as the inbound one, with its own limits: a
 * flood of tiny parts is refused with 413 after the first few, and nothing is kept.
 */
class DeliveryUploadLimitsIntegrationTests extends TresorIntegrationTest {

	static final String BOUNDARY = "----TresorDeliveryLimits42";

	final WebClient staff = Browsers.browser();

	@AfterEach
	void close() {
		staff.close();
	}

	@Test
	void thousandsOfTinyPartsAreRefusedWithNothingStored() throws Exception {
		AccountFixtures.logIn(staff, url("/login"), AccountFixtures.administrator(context, this::local));
		HtmlPage page = staff.getPage(url("/outbox/new"));
		HtmlForm form = page.getHtmlElementById("recipients").getEnclosingForm();
		var subject = "Flood " + System.nanoTime();
		var body = new ByteArrayOutputStream();
		field(body, "recipients", DeliveryIntegrationTest.newAddress());
		field(body, "subject", subject);
		for (int i = 0; i < 10_000; i++) {
			body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"t" + i
					+ ".txt\"\r\n\r\nx\r\n").getBytes(StandardCharsets.US_ASCII));
		}
		body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		var blobsBefore = blobs();

		var response = new RawHttp(port).send("POST", form.getActionAttribute(),
				Map.of("Cookie", "JSESSIONID=" + staff.getCookieManager().getCookie("JSESSIONID").getValue(),
						"Content-Type", "multipart/form-data; boundary=" + BOUNDARY, "Accept", "text/html",
						"Accept-Language", "en"),
				body.toByteArray());

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.text()).contains("Too many files at once. Nothing was sent");
		assertThat(jdbc.queryForObject("select count(*) from deliveries where subject = ?", Integer.class, subject))
			.isZero();
		assertThat(blobs()).isEqualTo(blobsBefore);
	}

	static void field(ByteArrayOutputStream body, String name, String value) {
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
				+ "\r\n").getBytes(StandardCharsets.UTF_8));
	}

	Set<String> blobs() throws IOException {
		try (var files = Files.walk(blobDirectory())) {
			return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString())
				.collect(Collectors.toSet());
		}
	}
}

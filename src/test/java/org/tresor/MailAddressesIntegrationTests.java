package org.tresor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tresor.account.AccountFixtures;

/**
 * Every form that takes an e-mail address refuses one that could smuggle a header or a second recipient
 * into a mail, with a clear message; the SMTP server proves that nobody else was mailed. Every mailed link
 * is built from the configured public base URL, whatever Host the request named.
 */
class MailAddressesIntegrationTests extends TresorIntegrationTest {

	static final String EVIL_DOMAIN = "evil.example";

	static final String FORGED_HOST = "attacker." + EVIL_DOMAIN;

	/** Headers a request may use to name another host; none of them may reach a link. */
	static final Map<String, String> FORGED_HOST_HEADERS = Map.of("Host", FORGED_HOST, "X-Forwarded-Host", FORGED_HOST,
			"X-Forwarded-Proto", "http", "Forwarded", "host=" + FORGED_HOST + ";proto=http");

	WebClient browser;

	@BeforeEach
	void browser() {
		browser = Browsers.browser();
	}

	@AfterEach
	void close() {
		browser.close();
	}

	@Nested
	class AreRefused {

		@ParameterizedTest
		@ValueSource(strings = { "victim@example.org\r\nBcc: spy@evil.example", "victim@example.org\nBcc: spy@evil.example",
				"victim@example.org\rBcc: spy@evil.example", "victim@example.org, spy@evil.example",
				"victim@example.org;spy@evil.example", "\"spy,victim\"@evil.example", "Victim <spy@evil.example>",
				"spy\u202E@evil.example", "spy\u200B@evil.example", "sp\u0443@evil.example", "spy@evil.example\u0000",
				"spy@evil.example%0aBcc:x@evil.example" })
		void inATicketRequest(String address) throws IOException {
			assertRefused(ticketRequest(address, Map.of()), 400, "Please enter exactly one valid e-mail address");
		}

		@Test
		void inATicketRequestWhenLongerThan254Characters() throws IOException {
			assertRefused(ticketRequest(tooLong(), Map.of()), 400, "Please enter exactly one valid e-mail address");
		}

		@ParameterizedTest
		@ValueSource(strings = { "victim@example.org\r\nBcc: spy@evil.example", "victim@example.org\nBcc: spy@evil.example",
				"victim@example.org, spy@evil.example", "victim@example.org;spy@evil.example",
				"\"spy,victim\"@evil.example", "Victim <spy@evil.example>", "spy\u202E@evil.example",
				"spy\u200B@evil.example" })
		void inAnInvitation(String address) throws IOException {
			assertRefused(invitation(address, Map.of()), 422, "Please enter a valid e-mail address");
		}

		@Test
		void inAnInvitationWhenLongerThan254Characters() throws IOException {
			assertRefused(invitation(tooLong(), Map.of()), 422, "Please enter a valid e-mail address");
		}

		/** Commas and line breaks separate recipients here, so the pieces must each be a whole address. */
		@ParameterizedTest
		@ValueSource(strings = { "victim@example.org\r\nBcc: spy@evil.example", "Victim <spy@evil.example>",
				"\"spy,victim\"@evil.example", "spy\u202E@evil.example", "spy\u200B@evil.example" })
		void asARecipientOfADelivery(String address) throws IOException {
			AccountFixtures.logIn(browser, url("/login"), AccountFixtures.administrator(context, MailAddressesIntegrationTests.this::local));
			HtmlPage form = browser.getPage(url("/outbox/new"));
			((HtmlTextArea) form.getHtmlElementById("recipients")).setText(address);
			((HtmlInput) form.getHtmlElementById("subject")).setValue("Hostile address");
			((HtmlTextArea) form.getHtmlElementById("message")).setText("hello");
			HtmlButton send = form.getFirstByXPath("//button[normalize-space(.)='Send now']");
			HtmlPage refused = send.click();

			assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
			assertThat(refused.asNormalizedText()).contains("At least one address is not a valid e-mail address");
			assertNobodyElseMailed();
		}

		void assertRefused(RawHttp.Response response, int status, String message) {
			assertThat(response.status()).isEqualTo(status);
			assertThat(response.text()).contains(message).doesNotContain("Exception");
			assertNobodyElseMailed();
		}

		String tooLong() {
			return "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(50) + "."
					+ EVIL_DOMAIN;
		}
	}

	@Nested
	class LinksUseThePublicBaseUrl {

		@Test
		void inATicketMailWhateverHostTheRequestNamed() throws IOException {
			var address = "forged-host-" + UUID.randomUUID() + "@example.org";

			var response = ticketRequest(address, FORGED_HOST_HEADERS);

			assertThat(response.status()).isEqualTo(302);
			assertThat(response.header("Location")).doesNotContain(EVIL_DOMAIN);
			var mail = TestMailServer.text(MAIL.await(address, ""));
			assertThat(mail).contains(PUBLIC_BASE_URL + "/submit/t/").doesNotContain(EVIL_DOMAIN);
		}

		@Test
		void inAnInvitationWhateverHostTheRequestNamed() throws IOException {
			var address = "forged-host-" + UUID.randomUUID() + "@example.org";

			var response = invitation(address, FORGED_HOST_HEADERS);

			assertThat(response.status()).isEqualTo(302);
			var mail = TestMailServer.text(MAIL.await(address, ""));
			assertThat(mail).contains(PUBLIC_BASE_URL + "/account/setup/").doesNotContain(EVIL_DOMAIN);
		}
	}

	@Test
	void theSubjectOfADeliveryNeverAppearsInAMail() throws IOException {
		var admin = AccountFixtures.administrator(context, this::local);
		AccountFixtures.logIn(browser, url("/login"), admin);
		var address = "subject-" + UUID.randomUUID() + "@example.org";
		var subject = "SUBJECT-MARKER-" + UUID.randomUUID();
		HtmlPage form = browser.getPage(url("/outbox/new"));
		((HtmlTextArea) form.getHtmlElementById("recipients")).setText(address);
		((HtmlInput) form.getHtmlElementById("subject")).setValue(subject);
		((HtmlTextArea) form.getHtmlElementById("message")).setText("hello");
		HtmlButton send = form.getFirstByXPath("//button[normalize-space(.)='Send now']");
		send.click();

		var invitation = MAIL.await(address, "/account/setup/");
		assertThat(TestMailServer.text(invitation)).doesNotContain(subject);
		assertThat(MAIL.greenMail().getReceivedMessages()).allSatisfy(message -> {
			assertThat(message.getSubject()).doesNotContain(subject);
			assertThat(TestMailServer.text(message)).doesNotContain(subject);
		});
	}

	RawHttp.Response ticketRequest(String address, Map<String, String> headers) throws IOException {
		HtmlPage page = browser.getPage(url("/submit/info"));
		return new RawHttp(port).postFrom(browser, page, "/submit/info", Map.of("email", address), headers);
	}

	RawHttp.Response invitation(String address, Map<String, String> headers) throws IOException {
		AccountFixtures.logIn(browser, url("/login"), AccountFixtures.administrator(context, this::local));
		HtmlPage page = browser.getPage(url("/admin/users"));
		return new RawHttp(port).postFrom(browser, page, "/admin/users", Map.of("email", address, "language", "en"),
				headers);
	}

	static void assertNobodyElseMailed() {
		assertThat(MAIL.greenMail().getReceivedMessagesForDomain(EVIL_DOMAIN)).isEmpty();
	}
}

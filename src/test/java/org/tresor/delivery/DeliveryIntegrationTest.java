package org.tresor.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tresor.Browsers.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;

import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.tresor.TestMailServer;
import org.tresor.TresorIntegrationTest;
import org.tresor.account.AccountFixtures;
import org.tresor.account.AccountFixtures.Credentials;

/**
 * A signed-in sender (an administrator) and a recipient's browser, with the steps of the outbound flow
 * through the real pages: send, set up access from the mailed link, complete with the SecuPass.
 */
abstract class DeliveryIntegrationTest extends TresorIntegrationTest {

	static final String RECIPIENT_PASSWORD = "recipient password 1234";

	static final String RECIPIENT_SECUPASS = "Recipient-SecuPass-7%";

	@TempDir
	Path uploads;

	WebClient staff;

	WebClient recipient;

	Credentials sender;

	@BeforeEach
	void signIn() throws IOException {
		staff = browser();
		recipient = browser();
		sender = AccountFixtures.administrator(context, this::local);
		AccountFixtures.logIn(staff, url("/login"), sender);
	}

	@AfterEach
	void closeBrowsers() {
		staff.close();
		recipient.close();
	}

	/** An external recipient who has set up access, by way of a first delivery that the sender completed. */
	String activatedRecipient() throws IOException {
		var address = newAddress();
		send(address, "Welcome " + address, "", randomFile("welcome.txt", 10));
		setUpAccess(TestMailServer.link(MAIL.await(address, "/account/setup/"), PUBLIC_BASE_URL + "/account/setup/"));
		MAIL.await(sender.email(), address + " has set up access");
		completeWith(staff.getPage(url("/outbox/complete")), sender.secuPass());
		return address;
	}

	HtmlPage send(String to, String subject, String message, Path... files) throws IOException {
		HtmlPage form = staff.getPage(url("/outbox/new"));
		fill(form, to, subject, message, files);
		return (HtmlPage) press(form, "Send now", 0);
	}

	static void fill(HtmlPage form, String to, String subject, String message, Path... files) {
		((HtmlTextArea) form.getHtmlElementById("recipients")).setText(to);
		((HtmlInput) form.getHtmlElementById("subject")).setValue(subject);
		((HtmlTextArea) form.getHtmlElementById("message")).setText(message);
		((HtmlFileInput) form.getHtmlElementById("files"))
			.setFiles(Arrays.stream(files).map(Path::toFile).toArray(File[]::new));
	}

	void setUpAccess(String link) throws IOException {
		try (var browser = browser()) {
			HtmlPage setup = browser.getPage(local(link));
			AccountFixtures.type(setup, "password", RECIPIENT_PASSWORD);
			AccountFixtures.type(setup, "passwordRepeated", RECIPIENT_PASSWORD);
			AccountFixtures.type(setup, "secuPass", RECIPIENT_SECUPASS);
			AccountFixtures.type(setup, "secuPassRepeated", RECIPIENT_SECUPASS);
			var done = AccountFixtures.submit(setup, "secuPassRepeated");
			assertThat(done.asNormalizedText()).contains("Your access is set up");
		}
	}

	void logInAsRecipient(String address) throws IOException {
		AccountFixtures.logIn(recipient, url("/login"), new Credentials(address, RECIPIENT_PASSWORD, RECIPIENT_SECUPASS));
	}

	HtmlPage completeWith(HtmlPage completion, String secuPass) throws IOException {
		((HtmlInput) completion.getHtmlElementById("secuPass")).setValue(secuPass);
		return (HtmlPage) press(completion, "Complete deliveries", 0);
	}

	static Page press(HtmlPage page, String label, int index) throws IOException {
		var buttons = page.getByXPath("//button[normalize-space(.)='" + label + "']");
		assertThat(buttons).as("button '" + label + "'").hasSizeGreaterThan(index);
		return ((HtmlButton) buttons.get(index)).click();
	}

	Path randomFile(String name, int size) throws IOException {
		var bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return Files.write(uploads.resolve(name), bytes);
	}

	static String newAddress() {
		return "recipient-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}
}

package org.tresor.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.tresor.Browser;
import org.tresor.Browser.Viewport;
import org.tresor.CuttableProxy;
import org.tresor.TestMailServer;
import org.tresor.TresorIntegrationTest;
import org.tresor.account.AccountFixtures;

/**
 * The inbound flow in a real browser (headless Chromium) as an external client meets it, on a desktop and on a
 * 360 px phone, in German and in English: request a ticket, open the mailed link, choose files, watch the
 * upload, see the confirmation. Every step leaves a screenshot in {@code target/screenshots}.
 */
class SubmitFormBrowserIntegrationTests extends TresorIntegrationTest {

	/** Slow enough to watch half a megabyte go up for two seconds, as on a weak phone connection. */
	static final long SLOW_UPLOAD = 250_000;

	@RegisterExtension
	static final Browser browser = Browser.shared();

	@Autowired
	MessageSource messages;

	@TempDir
	Path uploads;

	@BeforeEach
	void administratorExists() {
		AccountFixtures.administrator(context, this::local);
	}

	static Stream<Arguments> languagesAndViewports() {
		return Stream.of(Locale.GERMAN, Locale.ENGLISH)
			.flatMap(language -> Stream.of(Viewport.values()).map(viewport -> Arguments.of(language, viewport)));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("languagesAndViewports")
	void clientSendsTwoFilesAndWatchesTheUpload(Locale language, Viewport viewport) throws IOException {
		var shot = "inbound-" + language.getLanguage() + "-" + viewport.label() + "-";
		browser.use(viewport);
		var sender = "client-" + UUID.randomUUID() + "@example.org";

		browser.open(url("/submit/info"));
		browser.clickToNavigate(browser.byId("lang-" + language.getLanguage()));
		assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo(language.getLanguage());
		assertThat(browser.byId("lang-" + language.getLanguage()).getDomAttribute("aria-current")).isEqualTo("true");
		browser.assertNoHorizontalScrolling();
		browser.screenshot(shot + "01-request-ticket");

		browser.type("email", sender);
		browser.clickToNavigate(browser.find("main form button"));
		assertThat(browser.find("h1").getText()).isEqualTo(text("submit.requested.title", language));
		browser.screenshot(shot + "02-ticket-requested");

		browser.open(local(TestMailServer.link(MAIL.await(sender, ""), PUBLIC_BASE_URL + "/submit/t/")));
		assertThat(browser.driver().getTitle()).isEqualTo(text("submit.form.title", language, "Info") + " – Tresor");
		browser.assertNoHorizontalScrolling();
		browser.screenshot(shot + "03-form");

		browser.type("message", "Documents for my appointment");
		browser.byId("files").sendKeys(file("Befund März.pdf", 300_000) + "\n" + file("scan.jpg", 200_000));
		var chosen = browser.findAll(".upload-files li");
		assertThat(chosen).hasSize(2);
		assertThat(chosen.get(0).getText()).contains("Befund März.pdf").contains("300 KB").contains(
				text("upload.remove", language));
		assertThat(chosen.get(1).getText()).contains("scan.jpg").contains("200 KB");
		browser.assertNoHorizontalScrolling();
		browser.screenshot(shot + "04-files-chosen");

		browser.throttleUploads(SLOW_UPLOAD);
		var send = browser.find("main form button[type=submit]");
		send.click();
		var progress = browser.find(".upload-progress progress");
		var status = browser.find(".upload-status");
		var estimate = template("upload.progress", language);
		browser.waitUntil(driver -> estimate.matcher(status.getText()).matches());
		assertThat(progress.isDisplayed()).isTrue();
		assertThat(Integer.parseInt(progress.getDomProperty("value"))).isBetween(1, 99);
		assertThat(send.isEnabled()).as("send button while sending").isFalse();
		browser.screenshot(shot + "05-upload-progress");

		var reference = browser.waitFor("#reference");
		browser.online();
		assertThat(browser.path()).isEqualTo("/submit/sent");
		assertThat(browser.driver().getTitle()).isEqualTo(text("submit.sent.title", language) + " – Tresor");
		assertThat(browser.find("h1").getText()).isEqualTo(text("submit.sent.title", language));
		assertThat(fileCount(reference.getText())).isEqualTo(2);
		browser.assertNoHorizontalScrolling();
		browser.screenshot(shot + "06-confirmation");
	}

	@Test
	void refusesAFileOverTheLimitBeforeAnythingIsSent() throws IOException {
		openForm();
		var files = browser.byId("files");
		files.sendKeys(file("video.mp4", 3_500_000));

		var error = browser.find(".upload-error");
		assertThat(error.getText()).isEqualTo("“video.mp4” is 3.5 MB. A single file may be at most 3.1 MB.");
		assertThat(files.getDomAttribute("aria-describedby")).contains(error.getDomAttribute("id"));
		assertThat(files.getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.findAll(".upload-files li")).isEmpty();
		browser.screenshot("inbound-en-desktop-file-over-limit");

		files.sendKeys(file("letter.pdf", 1000));
		assertThat(error.isDisplayed()).isFalse();
		assertThat(files.getDomAttribute("aria-invalid")).isNull();
		assertThat(browser.findAll(".upload-files li")).hasSize(1);
	}

	@Test
	void refusesFilesThatTogetherPassTheLimit() throws IOException {
		openForm();
		browser.byId("files").sendKeys(file("a.bin", 2_500_000));
		browser.byId("files").sendKeys(file("b.bin", 2_000_000));

		assertThat(browser.find(".upload-error").getText())
			.isEqualTo("With “b.bin” the files would add up to 4.5 MB; at most 4.2 MB are allowed.");
		assertThat(browser.findAll(".upload-files li")).hasSize(1);
	}

	@Test
	void removedFileIsNotSent() throws IOException {
		openForm();
		browser.byId("files").sendKeys(file("wrong.pdf", 1000) + "\n" + file("right.pdf", 2000));
		browser.find(".upload-files li button").click();

		var chosen = browser.findAll(".upload-files li");
		assertThat(chosen).hasSize(1);
		assertThat(chosen.get(0).getText()).contains("right.pdf");
		assertThat(browser.find(".upload-total").getText()).isEqualTo("Total 2 KB");
		browser.find("main form button[type=submit]").click();
		var reference = browser.waitFor("#reference");
		assertThat(fileCount(reference.getText())).isEqualTo(1);
	}

	@Test
	void droppedFilesJoinTheList() throws IOException {
		openForm();
		browser.script("""
				const zone = document.querySelector('.drop-zone');
				const files = new DataTransfer();
				files.items.add(new File(['%PDF-1.4 dropped'], 'dropped.pdf', { type: 'application/pdf' }));
				zone.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: files }));
				zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: files }));
				""");

		assertThat(browser.find(".drop-hint").getText()).isEqualTo("Or drag files here.");
		assertThat(browser.findAll(".upload-files li")).singleElement()
			.extracting(WebElement::getText)
			.asString()
			.contains("dropped.pdf");
		browser.find("main form button[type=submit]").click();
		var reference = browser.waitFor("#reference");
		assertThat(fileCount(reference.getText())).isEqualTo(1);
	}

	@Test
	void droppedConnectionIsExplainedAndSendingAgainWorks() throws IOException {
		try (var network = new CuttableProxy(port)) {
			var link = ticketLink();
			browser.open(network.url(link.substring(url("").length())));
			browser.byId("files").sendKeys(file("large.pdf", 2_000_000));
			browser.throttleUploads(SLOW_UPLOAD);
			var send = browser.find("main form button[type=submit]");
			send.click();
			var progress = browser.find(".upload-progress progress");
			browser.waitUntil(driver -> Integer.parseInt(progress.getDomProperty("value")) > 0);

			network.cut();
			var failure = browser.waitFor(".upload-failed");
			assertThat(failure.getText()).startsWith("The connection was interrupted before everything arrived.");
			assertThat(failure.getDomAttribute("role")).isEqualTo("alert");
			assertThat(send.isEnabled()).isTrue();
			assertThat(progress.isDisplayed()).isFalse();
			assertThat(browser.findAll(".upload-files li")).hasSize(1);
			browser.screenshot("inbound-en-desktop-connection-dropped");

			network.restore();
			browser.online();
			send.click();
			assertThat(fileCount(browser.waitFor("#reference").getText())).isEqualTo(1);
		}
	}

	@Test
	void withoutJavaScriptThePlainFormSends() throws IOException {
		browser.withoutJavaScript();
		openForm();
		assertThat(browser.findAll(".drop-hint, .upload-files")).isEmpty();
		browser.byId("files").sendKeys(file("one.pdf", 1000) + "\n" + file("two.pdf", 2000));
		browser.clickToNavigate(browser.find("main form button[type=submit]"));

		var reference = browser.waitFor("#reference");
		assertThat(browser.path()).isEqualTo("/submit/sent");
		assertThat(fileCount(reference.getText())).isEqualTo(2);
		browser.screenshot("inbound-en-desktop-without-javascript-sent");
	}

	@Test
	void serverRefusalIsShownOnTheFormAgain() throws IOException {
		openForm();
		browser.find("main form button[type=submit]").click();

		var alert = browser.waitFor("#rejection");
		assertThat(alert.getText()).isEqualTo("Please write a message or attach at least one file.");
		assertThat(browser.byId("message").getDomAttribute("aria-describedby")).contains("rejection");
		assertThat(browser.byId("files").getDomAttribute("aria-describedby")).contains("rejection");
		// the form that came back is enhanced again and sends
		assertThat(browser.findAll(".drop-hint")).hasSize(1);
		browser.type("message", "now with text");
		browser.find("main form button[type=submit]").click();
		browser.waitFor("#reference");
	}

	/** The English form of a fresh ticket, at desktop size. */
	void openForm() {
		browser.open(url("/submit/info?lang=en"));
		browser.open(ticketLink());
	}

	/** A fresh ticket's link on the test server, asked for in the browser. */
	String ticketLink() {
		var sender = "client-" + UUID.randomUUID() + "@example.org";
		browser.open(url("/submit/info"));
		browser.type("email", sender);
		browser.clickToNavigate(browser.find("main form button"));
		return local(TestMailServer.link(MAIL.await(sender, ""), PUBLIC_BASE_URL + "/submit/t/"));
	}

	int fileCount(String reference) {
		return jdbc.queryForObject("select count(*) from parcel_parts p join submissions s on s.id = p.submission_id"
				+ " where s.reference = ? and p.kind = 'FILE'", Integer.class, reference);
	}

	String text(String key, Locale language, Object... arguments) {
		return messages.getMessage(key, arguments, language);
	}

	/** A text of the upload script with its {placeholders} as wildcards. */
	Pattern template(String key, Locale language) {
		var parts = text(key, language).split("\\{\\w+\\}", -1);
		return Pattern.compile(Stream.of(parts).map(Pattern::quote).reduce((a, b) -> a + ".+" + b).orElseThrow());
	}

	String file(String name, int size) throws IOException {
		var bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return Files.write(uploads.resolve(name), bytes).toString();
	}
}

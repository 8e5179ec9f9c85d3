package org.tresor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

import org.htmlunit.HttpMethod;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.tresor.FailingController;
import org.tresor.TresorIntegrationTest;
import org.tresor.account.AccountFixtures;

/**
 * Whatever goes wrong, the client gets a page in its language with a reference id, and nothing of the inside:
 * no exception, stack trace, SQL, file path, nor the page of a framework or of Tomcat. The log has the
 * reference next to the failure, so an administrator finds it.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorPagesIntegrationTests extends TresorIntegrationTest {

	private static final Pattern REFERENCE = Pattern.compile("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");

	@TempDir
	Path temp;

	private final WebClient browser = new WebClient();

	@BeforeEach
	void signIn() throws IOException {
		browser.getOptions().setJavaScriptEnabled(false);
		browser.getOptions().setCssEnabled(false);
		browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
		browser.getOptions().setPrintContentOnFailingStatusCode(false);
		AccountFixtures.logIn(browser, url("/login"), AccountFixtures.administrator(context, this::local));
	}

	@AfterEach
	void close() {
		browser.close();
	}

	@Test
	void aFailingHandlerGets500WithAReferenceThatTheLogNamesWithTheFailure(CapturedOutput log) throws Exception {
		var answer = page(FailingController.PATH + "?name=private-diagnosis.pdf", "en");
		assertThat(answer.getStatusCode()).isEqualTo(500);
		assertClean(answer);
		assertThat(answer.getContentAsString()).contains("An unexpected error occurred");
		var reference = reference(answer);
		assertThat(log.getOut()).containsPattern("Answered 500 with error reference " + reference
				+ "[\\s\\S]*IllegalStateException: " + Pattern.quote(FailingController.MESSAGE));
		assertThat(lineWith(log, reference)).as("the log line names no path or query")
			.doesNotContain(FailingController.PATH);
		assertThat(log.getOut()).as("the file name a client sent").doesNotContain("private-diagnosis");
	}

	@Test
	void theErrorPageSpeaksTheVisitorsLanguage() throws Exception {
		assertThat(page(FailingController.PATH, "de").getContentAsString())
			.contains("Ein unerwarteter Fehler ist aufgetreten").contains("Fehlernummer");
		assertThat(page(FailingController.PATH, "en").getContentAsString())
			.contains("An unexpected error occurred").contains("Error reference");
	}

	@Test
	void aParameterOfTheWrongTypeGets400() throws Exception {
		var answer = page("/inbox/not-a-number", "en");
		assertThat(answer.getStatusCode()).isEqualTo(400);
		assertClean(answer);
		assertThat(answer.getContentAsString()).contains("The request was invalid");
		reference(answer);
	}

	@Test
	void aMalformedRequestGets400(CapturedOutput log) throws Exception {
		var firewall = page("/inbox;x=1", "en");
		assertThat(firewall.getStatusCode()).isEqualTo(400);
		assertClean(firewall);
		assertThat(log.getOut()).contains("with error reference " + reference(firewall));

		var malformedAudit = page("/admin/audit?page=many", "en");
		assertThat(malformedAudit.getStatusCode()).isEqualTo(400);
		assertClean(malformedAudit);
	}

	@Test
	void aRequestTomcatRefusesItselfGetsAPlainPageWithoutTomcatsName() throws Exception {
		var http = HttpClient.newHttpClient();
		for (var path : new String[] { "/a%00b", "/%2e%2e/etc/passwd" }) {
			var answer = http.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(path).isEqualTo(400);
			assertThat(answer.body()).as(path).contains("Fehler").contains("Error")
				.doesNotContain("Tomcat").doesNotContain("HTTP Status").doesNotContain("Exception");
			assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
		}
	}

	@Test
	void anUnknownPageGets404() throws Exception {
		var answer = page("/no-such-page/" + UUID.randomUUID(), "en");
		assertThat(answer.getStatusCode()).isEqualTo(404);
		assertClean(answer);
		assertThat(answer.getContentAsString()).contains("This page does not exist");
		reference(answer);
	}

	@Test
	void aWrongMethodGets405() throws Exception {
		var answer = page("/admin/users/" + UUID.randomUUID() + "/delete", "en");
		assertThat(answer.getStatusCode()).isEqualTo(405);
		assertClean(answer);
		reference(answer);
	}

	@Test
	void anUploadOverTheLimitGets413() throws Exception {
		HtmlPage form = browser.getPage(url("/outbox/new"));
		((HtmlTextArea) form.getHtmlElementById("recipients")).setText("someone-" + UUID.randomUUID() + "@example.org");
		((HtmlInput) form.getHtmlElementById("subject")).setValue("Too large");
		var file = Files.write(temp.resolve("private-diagnosis.pdf"), new byte[3_500_000]);
		((HtmlFileInput) form.getHtmlElementById("files")).setFiles(file.toFile());
		HtmlButton send = form.getFirstByXPath("//form[.//input[@id='files']]//button[@type='submit' or not(@type)]");
		var answer = send.click().getWebResponse();
		assertThat(answer.getStatusCode()).isEqualTo(413);
		assertClean(answer);
	}

	@Test
	void jsonClientsGetTheStatusAndTheReferenceOnly() throws Exception {
		var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/inbox;x=1")))
			.header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("\"reference\"").doesNotContain("\"path\"").doesNotContain("/inbox")
			.doesNotContain("exception").doesNotContain("message").doesNotContain("trace");
	}

	private WebResponse page(String path, String language) throws IOException {
		var request = new WebRequest(new URL(url(path)), HttpMethod.GET);
		request.setAdditionalHeader("Accept-Language", language);
		request.setAdditionalHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
		return browser.getPage(request).getWebResponse();
	}

	/** Nothing from inside the application, and no framework's page. */
	private void assertClean(WebResponse answer) {
		assertThat(answer.getContentAsString()).doesNotContain("Exception").doesNotContain("at org.")
			.doesNotContainIgnoringCase("select ").doesNotContain("/var/lib").doesNotContain(DATA_DIRECTORY.toString())
			.doesNotContain("private-diagnosis").doesNotContain("Whitelabel").doesNotContain("Tomcat")
			.doesNotContain("HTTP Status").doesNotContain("Jetty");
		assertThat(answer.getContentType()).isEqualTo("text/html");
	}

	private static String reference(WebResponse answer) {
		var matcher = REFERENCE.matcher(answer.getContentAsString());
		assertThat(matcher.find()).as("a reference id on the page").isTrue();
		return matcher.group();
	}

	private static String lineWith(CapturedOutput log, String text) {
		return log.getOut().lines().filter(line -> line.contains(text)).findFirst().orElseThrow();
	}
}

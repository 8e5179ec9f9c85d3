package org.tresor.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tresor.Browsers.browser;
import static org.tresor.account.AccountFixtures.type;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.UUID;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.tresor.TestMailServer;
import org.tresor.TresorIntegrationTest;
import org.tresor.account.AccountFixtures;

import com.jayway.jsonpath.JsonPath;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What operations see: {@code /actuator/health} with its contributors and probes, and the Prometheus counters
 * moving as a submission is requested, sent, downloaded and deleted.
 */
class MonitoringIntegrationTests extends TresorIntegrationTest {

	@Autowired
	MeterRegistry meters;

	@Autowired
	HealthEndpointGroups healthGroups;

	@TempDir
	Path temp;

	final WebClient client = browser();

	final WebClient staff = browser();

	final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void close() {
		client.close();
		staff.close();
	}

	@Test
	void countersMoveAsASubmissionIsRequestedSentDownloadedAndDeleted() throws Exception {
		var admin = AccountFixtures.administrator(context, this::local);
		var tickets = count("tresor.tickets.issued");
		var received = count("tresor.submissions.received");
		var bytes = count("tresor.bytes.encrypted");
		var downloads = count("tresor.downloads");
		var deletions = count("tresor.deletions");
		var uploads = uploads();

		var reference = submit(Files.write(temp.resolve("report.pdf"), new byte[40_000]));
		assertThat(count("tresor.tickets.issued")).isEqualTo(tickets + 1);
		assertThat(count("tresor.submissions.received")).isEqualTo(received + 1);
		assertThat(count("tresor.bytes.encrypted")).isGreaterThanOrEqualTo(bytes + 40_000);
		assertThat(uploads()).isEqualTo(uploads + 1);

		AccountFixtures.logIn(staff, url("/login"), admin);
		var link = local(TestMailServer.link(MAIL.await(admin.email(), reference), PUBLIC_BASE_URL + "/inbox/"));
		HtmlPage details = staff.getPage(link);
		type(details, "secuPass", admin.secuPass());
		var download = press(details, "Download");
		assertThat(download.getWebResponse().getStatusCode()).isEqualTo(200);
		download.getWebResponse().getContentAsStream().readAllBytes();
		// counted once the last byte left the server, which is a moment after the client read it
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(count("tresor.downloads")).isEqualTo(downloads + 1));
		org.tresor.web.ConfirmedPress.press(staff.getPage(link), "Delete submission");
		assertThat(count("tresor.deletions")).isEqualTo(deletions + 1);

		var scrape = scrape("/actuator/prometheus");
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("tresor_tickets_issued_total", "tresor_submissions_received_total",
				"tresor_bytes_encrypted_bytes_total", "tresor_downloads_total{kind=\"submission\"}",
				"tresor_deletions_total{kind=\"submission\"}", "tresor_upload_seconds_count");
	}

	@Test
	void healthNamesEveryContributorToAdministrators() throws Exception {
		var admin = AccountFixtures.administrator(context, this::local);
		AccountFixtures.logIn(staff, url("/login"), admin);
		var health = staff.getPage(url("/actuator/health")).getWebResponse();
		assertThat(health.getStatusCode()).isEqualTo(200);
		for (var contributor : new String[] { "db", "diskSpace", "blobStore", "mail", "livenessState", "readinessState" }) {
			assertThat(JsonPath.<String>read(health.getContentAsString(), "$.components." + contributor + ".status")).as(contributor)
				.isEqualTo("UP");
		}
		assertThat(JsonPath.<String>read(health.getContentAsString(), "$.components.diskSpace.details.path"))
			.isEqualTo(DATA_DIRECTORY.toString());
	}

	@Test
	void offersLivenessAndReadinessProbesToEveryone() throws Exception {
		for (var probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness" }) {
			var response = http.send(HttpRequest.newBuilder(URI.create(url(probe))).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(probe).isEqualTo(200);
			assertThat(response.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
		}
	}

	@Test
	void readinessDependsOnDatabaseAndStorageButNotOnSmtp() {
		var readiness = healthGroups.get("readiness");
		assertThat(readiness.isMember("db")).isTrue();
		assertThat(readiness.isMember("blobStore")).isTrue();
		assertThat(readiness.isMember("diskSpace")).isTrue();
		assertThat(readiness.isMember("mail")).as("a mail server outage must not take Tresor out of service").isFalse();
		assertThat(healthGroups.getPrimary().isMember("mail")).isTrue();
	}

	private double count(String name) {
		return meters.find(name).counters().stream().mapToDouble(counter -> counter.count()).sum();
	}

	private long uploads() {
		return meters.find("tresor.upload").timers().stream().mapToLong(timer -> timer.count()).sum();
	}

	private String submit(Path file) throws IOException {
		HtmlPage request = client.getPage(url("/submit/info"));
		var sender = "client-" + UUID.randomUUID() + "@example.org";
		type(request, "email", sender);
		AccountFixtures.submit(request, "email");
		var ticket = TestMailServer.link(MAIL.await(sender, "/submit/t/"), PUBLIC_BASE_URL + "/submit/t/");
		HtmlPage form = client.getPage(local(ticket));
		((HtmlTextArea) form.getElementById("message")).setText("for the metrics");
		((HtmlFileInput) form.getElementById("files")).setFiles(file.toFile());
		HtmlPage sent = AccountFixtures.submit(form, "files");
		return sent.getElementById("reference").getTextContent();
	}

	/** What a Prometheus server configured with the scrape token gets. */
	private HttpResponse<String> scrape(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + SCRAPE_TOKEN)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static org.htmlunit.Page press(HtmlPage page, String label) throws IOException {
		HtmlButton button = page.getFirstByXPath("//button[normalize-space(.)='" + label + "']");
		assertThat(button).as("button '" + label + "'").isNotNull();
		return button.click();
	}
}

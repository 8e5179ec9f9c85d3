package org.tresor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tresor.Browsers.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;
import org.tresor.account.AccountFixtures;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * Two Tresor instances, as behind a load balancer: the prod profile, one PostgreSQL database and one S3 bucket,
 * each with a data directory of its own and no way to talk to the other. A request may land on either: a ticket
 * asked for on one is used on the other, a session started on one is good on the other, and a job both start
 * runs once.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIntegrationTests {

	static final String PUBLIC_BASE_URL = "https://tresor.example.org";

	static final Pattern SETUP_LINK = Pattern.compile(Pattern.quote(PUBLIC_BASE_URL) + "/setup/([A-Za-z0-9_-]{43})");

	static final TestMailServer MAIL = TestMailServer.shared();

	static final S3Server S3 = S3Server.shared();

	static String bucket;

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	@TempDir
	Path uploads;

	WebClient client;

	WebClient staff;

	@BeforeAll
	static void startTwoInstances() throws IOException {
		bucket = S3.newBucket();
		var database = OnPostgres.Server.newDatabase("two_instances");
		first = start(database);
		second = start(database);
	}

	@AfterAll
	static void stopInstances() {
		for (var instance : new ConfigurableApplicationContext[] { second, first }) {
			if (instance != null) {
				instance.close();
			}
		}
	}

	@BeforeEach
	void browsers() {
		client = browser();
		staff = browser();
	}

	@AfterEach
	void closeBrowsers() {
		client.close();
		staff.close();
	}

	/**
	 * Both instances announce at the same moment on a database without administrator, as they do when they
	 * start together, then one of them once more, as a start moments later does: one link is logged, the other
	 * lines say it is pending, and the logged link works on either instance. Runs first, before any test
	 * creates an administrator.
	 */
	@Test
	@Order(0)
	void instancesStartedTogetherLogOneFirstAdministratorLinkAndItWorks(CapturedOutput output) throws IOException {
		jdbc().update("delete from setup_links where purpose = 'FIRST_ADMIN'");
		var before = output.getOut().length();
		var bothReady = new CountDownLatch(2);
		List.of(first, second).stream().map(instance -> CompletableFuture.runAsync(() -> {
			bothReady.countDown();
			awaitQuietly(bothReady);
			ReflectionTestUtils.invokeMethod(instance.getBean("firstAdministratorAnnouncement"), "announce");
		})).toList().forEach(CompletableFuture::join);
		ReflectionTestUtils.invokeMethod(second.getBean("firstAdministratorAnnouncement"), "announce");

		var lines = output.getOut().substring(before).lines().filter(line -> line.contains("No administrator yet")).toList();
		assertThat(lines).hasSize(3);
		var links = lines.stream().map(SETUP_LINK::matcher).filter(Matcher::find).map(matcher -> matcher.group(1)).toList();
		assertThat(links).as("links logged in " + lines).hasSize(1);
		for (var instance : List.of(first, second)) {
			assertThat(client.getPage(url(instance, "/setup/" + links.get(0))).getWebResponse().getStatusCode())
				.isEqualTo(200);
		}
	}

	@Test
	void ticketFromOneInstanceSubmissionOnTheOtherAndOneSessionForBoth() throws IOException {
		var admin = AccountFixtures.administrator(first, link -> on(first, link));
		var sender = "client-" + UUID.randomUUID() + "@example.org";
		// larger than a part: the ciphertext goes up as a multipart upload
		var file = randomFile("Befund.pdf", 6_000_000);

		HtmlPage request = client.getPage(url(first, "/submit/info"));
		((HtmlInput) request.getHtmlElementById("email")).type(sender);
		assertThat(((HtmlPage) press(request, "Request ticket")).asNormalizedText()).contains("Please check your mailbox");
		var ticketLink = TestMailServer.link(MAIL.await(sender, ""), PUBLIC_BASE_URL + "/submit/t/");

		HtmlPage form = client.getPage(on(second, ticketLink));
		((HtmlTextArea) form.getHtmlElementById("message")).setText("Two instances, one Tresor.");
		((HtmlFileInput) form.getHtmlElementById("files")).setFiles(file.toFile());
		var confirmation = (HtmlPage) press(form, "Send now");
		assertThat(confirmation.getWebResponse().getStatusCode()).isEqualTo(200);
		var reference = confirmation.getHtmlElementById("reference").asNormalizedText();
		var submissionLink = TestMailServer.link(MAIL.await(admin.email(), reference), PUBLIC_BASE_URL + "/inbox/");

		AccountFixtures.logIn(staff, url(first, "/login"), admin);
		HtmlPage details = staff.getPage(on(second, submissionLink));
		assertThat(details.getUrl().getPath()).as("signed in on the other instance").startsWith("/inbox/");
		((HtmlInput) details.getHtmlElementById("secuPass")).setValue(admin.secuPass());
		var opened = (HtmlPage) press(details, "Open");
		assertThat(opened.asNormalizedText()).contains("Two instances, one Tresor.").contains("Befund.pdf");
		((HtmlInput) opened.getHtmlElementById("secuPass")).setValue(admin.secuPass());
		var download = press(opened, "Download");

		assertThat(download.getWebResponse().getContentAsStream().readAllBytes()).isEqualTo(Files.readAllBytes(file));
		try (var s3 = S3.client()) {
			assertThat(blobKeys(s3)).hasSize(jdbc().queryForObject("select count(*) from parcel_parts",
					Integer.class));
			assertThat(s3.listMultipartUploads(request1 -> request1.bucket(bucket)).uploads()).isEmpty();
		}
		assertThat(sessionRows()).as("sessions are in the database").isPositive();
		assertThat(sessionAttributes()).as("what the database keeps of a session")
			.doesNotContain(admin.secuPass())
			.doesNotContain(admin.password())
			.doesNotContain("$argon2")
			.doesNotContain("Two instances, one Tresor.");
	}

	@Test
	void retentionStartedOnBothInstancesAtOnceRunsOnce() throws Exception {
		var bothReady = new CountDownLatch(2);
		var runs = List.of(first, second).stream().map(instance -> CompletableFuture.supplyAsync(() -> {
			bothReady.countDown();
			awaitQuietly(bothReady);
			return (Boolean) ReflectionTestUtils.invokeMethod(instance.getBean("retentionJob"), "runExclusively");
		})).toList();

		assertThat(runs.stream().map(CompletableFuture::join)).containsExactlyInAnyOrder(true, false);
		assertThat(jdbc().queryForList("select locked_by from shedlock where name = 'retention'", String.class))
			.hasSize(1);
	}

	private static ConfigurableApplicationContext start(String database) throws IOException {
		var settings = new HashMap<String, Object>();
		// default properties: the environment variables application.yml reads in prod, then settings it leaves open
		settings.put("server.port", 0);
		settings.put("TRESOR_DB_URL", database);
		settings.put("TRESOR_DB_USER", "postgres");
		settings.put("TRESOR_DB_PASSWORD", "");
		settings.put("TRESOR_PUBLIC_BASE_URL", PUBLIC_BASE_URL);
		settings.put("TRESOR_SMTP_HOST", "127.0.0.1");
		settings.put("TRESOR_SMTP_PORT", MAIL.port());
		settings.put("TRESOR_SMTP_AUTH", "false");
		settings.put("TRESOR_SMTP_STARTTLS", "false");
		settings.put("TRESOR_MAIL_FROM", "tresor@localhost");
		settings.put("TRESOR_DATA_DIR", Files.createTempDirectory("tresor-instance-").toString());
		settings.put("tresor.storage.type", "s3");
		settings.put("tresor.storage.s3.endpoint", S3.endpoint().toString());
		settings.put("tresor.storage.s3.bucket", bucket);
		settings.put("tresor.storage.s3.path-style", "true");
		settings.put("tresor.storage.s3.access-key", S3Server.ACCESS_KEY);
		settings.put("tresor.storage.s3.secret-key", S3Server.SECRET_KEY);
		settings.put("tresor.storage.s3.part-size", "5MB");
		// the test starts the jobs itself
		settings.put("tresor.storage.sweep-delay-after-startup", "1d");
		settings.put("tresor.retention.delay-after-startup", "1d");
		return new SpringApplicationBuilder(TresorApplication.class).profiles("prod").properties(settings).run();
	}

	private List<String> blobKeys(S3Client s3) {
		return s3.listObjectsV2(request -> request.bucket(bucket)).contents().stream()
			.map(object -> object.key())
			// S3Proxy on a filesystem also lists the folder "blobs/" itself
			.filter(key -> key.matches("blobs/[0-9a-f-]{36}"))
			.toList();
	}

	private static JdbcTemplate jdbc() {
		return first.getBean(JdbcTemplate.class);
	}

	private static int sessionRows() {
		return jdbc().queryForObject("select count(*) from spring_session", Integer.class);
	}

	/** Every session attribute as the database keeps it (serialized Java objects), as text. */
	private static String sessionAttributes() {
		return String.join("\n", jdbc().query("select attribute_bytes from spring_session_attributes",
				(row, index) -> new String(row.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1)));
	}

	private static String url(ConfigurableApplicationContext instance, String path) {
		return "http://localhost:" + instance.getEnvironment().getProperty("local.server.port") + path;
	}

	/** A link from a mail, pointed at one of the instances. */
	private static String on(ConfigurableApplicationContext instance, String link) {
		assertThat(link).startsWith(PUBLIC_BASE_URL + "/");
		return url(instance, link.substring(PUBLIC_BASE_URL.length()));
	}

	private static Page press(HtmlPage page, String label) throws IOException {
		var buttons = page.getByXPath("//button[normalize-space(.)='" + label + "']");
		assertThat(buttons).as("button '" + label + "'").isNotEmpty();
		return ((HtmlButton) buttons.get(0)).click();
	}

	private Path randomFile(String name, int size) throws IOException {
		var bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return Files.write(uploads.resolve(name), bytes);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}

package org.tresor.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tresor.CuttableProxy;
import org.tresor.TestMailServer;
import org.tresor.account.AccountFixtures;
import org.tresor.storage.BlobStorageException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The inbound flow as production runs it (prod profile: sessions in the database) on a real PostgreSQL server
 * that the test stops and starts again, or cuts off behind a relay ({@link CuttableProxy}), with the blobs on a
 * small filesystem of their own (a 16 MB tmpfs when the tests run as root, as they do in CI; otherwise the
 * storage is made to fail the way a full disk does).
 */
@ActiveProfiles("prod")
class InfrastructureFaultsIntegrationTests extends SubmissionIntegrationTest {

	static final Path POSTGRES_DATA = temporaryDirectory("tresor-pg-data-");

	static final int POSTGRES_PORT = TestMailServer.freePort();

	static volatile EmbeddedPostgres postgres = startPostgres();

	/** The application reaches PostgreSQL only through this relay, so the test can cut the network to it. */
	static final CuttableProxy DATABASE_NETWORK = new CuttableProxy(POSTGRES_PORT);

	static final Path BLOBS = temporaryDirectory("tresor-small-disk-");

	static final boolean SMALL_FILESYSTEM = mountSmallFilesystem(BLOBS);

	@DynamicPropertySource
	static void postgresAndSmallDisk(DynamicPropertyRegistry registry) {
		registry.add("TRESOR_DB_URL", () -> "jdbc:postgresql://127.0.0.1:" + DATABASE_NETWORK.port() + "/postgres");
		registry.add("TRESOR_DB_USER", () -> "postgres");
		registry.add("TRESOR_DB_PASSWORD", () -> "");
		registry.add("TRESOR_PUBLIC_BASE_URL", () -> PUBLIC_BASE_URL);
		registry.add("TRESOR_SMTP_HOST", () -> "127.0.0.1");
		registry.add("TRESOR_SMTP_PORT", MAIL::port);
		registry.add("TRESOR_SMTP_AUTH", () -> "false");
		registry.add("TRESOR_SMTP_STARTTLS", () -> "false");
		registry.add("TRESOR_MAIL_FROM", () -> "tresor@localhost");
		registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
		registry.add("tresor.storage.directory", BLOBS::toString);
	}

	@AfterAll
	static void tearDown() throws Exception {
		if (SMALL_FILESYSTEM) {
			new ProcessBuilder("umount", "-l", BLOBS.toString()).start().waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void databaseOutageAnswersTemporarilyUnavailableWritesNothingAndHealsWithoutRestart() throws Exception {
		var admin = AccountFixtures.administrator(context, this::local);
		var sender = sender();
		var link = ticketLink(sender);
		var blobsBefore = files();
		var file = Files.readAllBytes(randomFile("scan.pdf", 2_000_000));

		var stopped = false;
		try {
			try (var upload = new RawUpload(formTarget(link), new MultipartBody("sent during the outage", "scan.pdf", file))) {
				upload.sendFileUpTo(1_000_000);
				await("the upload is being encrypted", () -> !temporaryFilesOnSmallDisk().isEmpty());
				postgres.close();
				stopped = true;
				assertThat(upload.finishFrom(1_000_000)).as("the upload's answer").isEqualTo(503);
			}
			assertThat(page("/submit/info", "en").getWebResponse().getStatusCode()).isEqualTo(503);
			assertThat(page("/submit/info", "en").asNormalizedText()).contains("temporarily unavailable");
			assertThat(page("/submit/info", "de").asNormalizedText()).contains("vorübergehend nicht verfügbar");
			// the login form itself needs the database now: its session (with the form's CSRF token) lives there
			assertThat(statusOf("/login")).isEqualTo(503);
		}
		finally {
			if (stopped) {
				postgres = startPostgres();
			}
		}
		await("the application reaches the database again", () -> statusOf("/submit/info") == 200);

		assertThat(files()).as("no blob of the failed upload").isEqualTo(blobsBefore);
		assertThat(submissionsFrom(sender)).isZero();
		assertThat(loginStatus(admin)).isEqualTo(302);
		var retry = submit(client.getPage(local(link)), "after the outage", uploads.resolve("scan.pdf"));
		assertThat(retry.getElementById("reference")).as("the ticket still works").isNotNull();
	}

	/**
	 * With the network to the database cut, every kind of request answers the 503 page in the visitor's
	 * language with {@code Retry-After}: with and without a session (whose store is the database itself), a
	 * sign-in, a ticket request, an upload under way. After the first request that found the database gone, the
	 * others are answered without waiting for the pool once more. Once the network is back, all of it works
	 * again.
	 */
	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void everyPathAnswersTheUnavailablePageWhileTheDatabaseIsCutOffAndWorksAgainAfter(CapturedOutput output)
			throws Exception {
		var admin = AccountFixtures.administrator(context, this::local);
		var sender = sender();
		var link = ticketLink(sender);
		var file = Files.readAllBytes(randomFile("scan.pdf", 2_000_000));
		AccountFixtures.logIn(staff, url("/login"), admin);
		staff.getOptions().setRedirectEnabled(false);
		HtmlPage ticketForm = client.getPage(url("/submit/info"));
		((HtmlInput) ticketForm.getHtmlElementById("email")).type(sender());
		try (var signingIn = browser()) {
			HtmlPage login = signingIn.getPage(url("/login"));
			AccountFixtures.type(login, "email", admin.email());
			AccountFixtures.type(login, "password", admin.password());

			var cut = false;
			try (var upload = new RawUpload(formTarget(link), new MultipartBody("sent while cut off", "scan.pdf", file))) {
				upload.sendFileUpTo(1_000_000);
				await("the upload is being encrypted", () -> !temporaryFilesOnSmallDisk().isEmpty());
				DATABASE_NETWORK.cut();
				cut = true;
				assertThat(upload.finishFrom(1_000_000)).as("the upload's answer").isEqualTo(503);

				assertUnavailable(page("/login", "en"), "temporarily unavailable");
				assertUnavailable(page("/login", "de"), "vorübergehend nicht verfügbar");
				assertUnavailable(AccountFixtures.press(login, "password"), "temporarily unavailable");
				assertUnavailable(staff.getPage(url("/inbox")), "temporarily unavailable");
				assertUnavailable(press(ticketForm, "Request ticket"), "temporarily unavailable");
				assertThat(output.getOut()).containsOnlyOnce("The database cannot be reached;");
			}
			finally {
				if (cut) {
					DATABASE_NETWORK.restore();
				}
			}
		}
		await("the application reaches the database again", () -> statusOf("/login") == 200);
		assertThat(output.getOut()).containsOnlyOnce("The database can be reached again");

		assertThat(loginStatus(admin)).isEqualTo(302);
		assertThat(staff.getPage(url("/inbox")).getWebResponse().getStatusCode()).as("the session survived")
			.isEqualTo(200);
		assertThat(ticketLink(sender())).as("a ticket request").isNotBlank();
		var retry = submit(client.getPage(local(link)), "after the outage", uploads.resolve("scan.pdf"));
		assertThat(retry.getElementById("reference")).as("the ticket still works").isNotNull();
	}

	static void assertUnavailable(Page page, String text) {
		var response = page.getWebResponse();
		assertThat(response.getStatusCode()).as(response.getWebRequest().getUrl() + " answers").isEqualTo(503);
		assertThat(response.getResponseHeaderValue("Retry-After")).as("Retry-After").isNotBlank();
		assertThat(response.getContentAsString()).contains(text);
	}

	@Test
	void fullDiskGetsAClearMessageLeavesNoPartialBlobAndTheTicketStillWorks() throws Exception {
		AccountFixtures.administrator(context, this::local);
		var sender = sender();
		var link = ticketLink(sender);
		var blobsBefore = files();
		var filler = BLOBS.resolve("filler");
		fillAllBut(filler, 1_000_000);
		try {
			var refused = submit(client.getPage(local(link)), "big", randomFile("big.pdf", 2_500_000));

			assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(503);
			assertThat(refused.asNormalizedText())
				.contains("could not be stored just now. Nothing was kept; your link is still valid");
			assertThat(files()).as("no partial blob").isEqualTo(blobsBefore);
			assertThat(submissionsFrom(sender)).isZero();
		}
		finally {
			Files.deleteIfExists(filler);
			faults().heal();
		}
		var retry = submit(client.getPage(local(link)), "big", uploads.resolve("big.pdf"));
		assertThat(retry.getElementById("reference")).as("the ticket still works").isNotNull();
	}

	/** Fills the small filesystem up to {@code free} bytes; without one, storage fails after that many. */
	void fillAllBut(Path filler, long free) throws IOException {
		if (!SMALL_FILESYSTEM) {
			faults().failUploadsAfter(free, () -> new BlobStorageException("Cannot write blob",
					new IOException("No space left on device")));
			return;
		}
		var chunk = new byte[1 << 16];
		try (OutputStream out = Files.newOutputStream(filler)) {
			while (Files.getFileStore(BLOBS).getUsableSpace() > free + chunk.length) {
				out.write(chunk);
				out.flush();
			}
		}
	}

	HtmlPage page(String path, String language) throws IOException {
		try (var browser = browser()) {
			browser.removeRequestHeader("Accept-Language");
			browser.addRequestHeader("Accept-Language", language);
			return browser.getPage(url(path));
		}
	}

	int statusOf(String path) {
		try (var browser = browser()) {
			return browser.getPage(url(path)).getWebResponse().getStatusCode();
		}
		catch (IOException e) {
			return -1;
		}
	}

	/** The status of the login form's POST, redirects not followed. */
	int loginStatus(AccountFixtures.Credentials credentials) throws IOException {
		try (WebClient browser = browser()) {
			browser.getOptions().setRedirectEnabled(false);
			HtmlPage login = browser.getPage(url("/login"));
			AccountFixtures.type(login, "email", credentials.email());
			AccountFixtures.type(login, "password", credentials.password());
			return AccountFixtures.press(login, "password").getWebResponse().getStatusCode();
		}
	}

	/** The files of the blob store: blobs and temporary files, not the test's filler. */
	static Set<Path> files() throws IOException {
		try (var files = Files.walk(BLOBS)) {
			return files.filter(Files::isRegularFile)
				.filter(file -> !file.getFileName().toString().equals("filler"))
				.collect(Collectors.toSet());
		}
	}

	static Set<Path> temporaryFilesOnSmallDisk() {
		try (var files = Files.list(BLOBS.resolve("tmp"))) {
			return files.collect(Collectors.toSet());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static EmbeddedPostgres startPostgres() {
		try {
			return EmbeddedPostgres.builder()
				.setPort(POSTGRES_PORT)
				.setDataDirectory(POSTGRES_DATA)
				.setCleanDataDirectory(false)
				.start();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A tmpfs of 16 MB over {@code directory}, if this process may mount (it runs as root). */
	static boolean mountSmallFilesystem(Path directory) {
		try {
			var mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", directory.toString())
				.redirectErrorStream(true)
				.start();
			return mount.waitFor(10, TimeUnit.SECONDS) && mount.exitValue() == 0;
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	static Path temporaryDirectory(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

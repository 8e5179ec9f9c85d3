package org.tresor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What an instance leaves behind when it stops, is picked up by the next start: a mail that SMTP (silent,
 * then gone) never took goes out once; temporary files of a dead upload, a blob without a row and a
 * deletion cut short after its first step are cleared. Runs the application twice on one data directory.
 */
class RestartRecoveryIntegrationTests {

	@TempDir
	Path data;

	final int smtpPort = TestMailServer.freePort();

	final List<AutoCloseable> running = new ArrayList<>();

	@AfterEach
	void stopEverything() throws Exception {
		for (int i = running.size() - 1; i >= 0; i--) {
			running.get(i).close();
		}
	}

	@Test
	void theNextStartSendsTheMailOnceAndClearsWhatACrashLeft() throws Exception {
		var sender = "restart-" + UUID.randomUUID() + "@example.org";
		try (var silentSmtp = new SilentSmtpServer(smtpPort); var first = start()) {
			requestTicket(first, sender);
			await("the silent SMTP server was tried and given up on", () -> silentSmtp.connections() > 0
					&& count(first, "select count(*) from event_publication where status = 'FAILED'") > 0);
		}
		var abandonedUpload = aged(Files.write(data.resolve("blobs/tmp/" + UUID.randomUUID() + ".part"), new byte[10]));
		var orphan = aged(blob(UUID.randomUUID().toString()));
		var halfDeleted = UUID.randomUUID().toString();
		blob(halfDeleted);
		insertSubmissionMarkedDeleted(halfDeleted);
		var mail = new TestMailServer(smtpPort);
		mail.start();
		running.add(mail::stop);

		var second = start();
		running.add(second);

		assertThat(mail.await(sender, "").getSubject()).isEqualTo("Your link for secure submission");
		await("the crash leftovers are cleared", () -> !Files.exists(abandonedUpload) && !Files.exists(orphan)
				&& !Files.exists(blobPath(halfDeleted)));
		await("the interrupted deletion is finished",
				() -> count(second, "select count(*) from submissions where reference = 'TR-CRSH-0001'") == 0);
		await("the mail's publication completed", () -> count(second, "select count(*) from event_publication") == 0);
		Thread.sleep(3000); // retry rounds (every second here) must not send it again
		assertThat(mail.to(sender)).hasSize(1);
	}

	ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(TresorApplication.class).run(
				"--server.port=0",
				"--tresor.data-directory=" + data,
				"--tresor.public-base-url=https://tresor.example.org",
				"--tresor.dev.mailbox=false",
				"--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + smtpPort,
				"--spring.mail.properties[mail.smtp.connectiontimeout]=1000",
				"--spring.mail.properties[mail.smtp.timeout]=1000",
				"--tresor.mail.retry-interval=1s",
				"--tresor.mail.max-retry-interval=2s",
				"--tresor.storage.sweep-delay-after-startup=0s",
				"--tresor.storage.sweep-interval=2s",
				"--tresor.retention.delay-after-startup=0s",
				"--tresor.retention.interval=2s");
	}

	static void requestTicket(ConfigurableApplicationContext app, String email) throws IOException {
		var port = ((WebServerApplicationContext) app).getWebServer().getPort();
		try (var browser = new WebClient()) {
			browser.getOptions().setJavaScriptEnabled(false);
			browser.getOptions().setTimeout(10_000);
			browser.addRequestHeader("Accept-Language", "en");
			HtmlPage page = browser.getPage("http://localhost:" + port + "/submit/info");
			((HtmlInput) page.getHtmlElementById("email")).type(email);
			HtmlPage requested = ((HtmlButton) page.getFirstByXPath("//button[@type='submit' or not(@type)]")).click();
			assertThat(requested.asNormalizedText()).as("answered although SMTP does not answer")
				.contains("Please check your mailbox");
		}
	}

	void insertSubmissionMarkedDeleted(String blob) throws Exception {
		try (var db = DriverManager.getConnection("jdbc:h2:file:" + data + "/db/tresor", "sa", "");
				var statement = db.createStatement()) {
			var submission = UUID.randomUUID();
			statement.executeUpdate("insert into submissions (id, box_id, reference, sender_email, received_at,"
					+ " file_count, total_size, version, deleted_at) select '" + submission + "', id, 'TR-CRSH-0001',"
					+ " 'crash@example.org', current_timestamp, 1, 10, 1, current_timestamp from submit_boxes where slug = 'info'");
			statement.executeUpdate("insert into parcel_parts (id, submission_id, position, kind, blob_id,"
					+ " plaintext_size, ciphertext_size) values ('" + UUID.randomUUID() + "', '" + submission + "', 1,"
					+ " 'FILE', '" + blob + "', 10, 64)");
		}
	}

	Path blobPath(String id) {
		return data.resolve("blobs").resolve(id.substring(0, 2)).resolve(id);
	}

	Path blob(String id) throws IOException {
		var path = blobPath(id);
		Files.createDirectories(path.getParent());
		return Files.write(path, new byte[64]);
	}

	static Path aged(Path file) throws IOException {
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
		return file;
	}

	static int count(ConfigurableApplicationContext app, String sql) {
		return app.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(sql, Integer.class);
	}

	static void await(String what, BooleanSupplier condition) throws InterruptedException {
		var deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("waiting until " + what).isBefore(deadline);
			Thread.sleep(100);
		}
	}

	/** An SMTP server that accepts connections and never says a word: the client's read timeout must end it. */
	static final class SilentSmtpServer implements AutoCloseable {

		private final ServerSocket server;

		private final List<Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();

		SilentSmtpServer(int port) throws IOException {
			server = new ServerSocket(port);
			var acceptor = new Thread(() -> {
				try {
					while (!server.isClosed()) {
						accepted.add(server.accept());
					}
				}
				catch (IOException closed) {
					// stopped
				}
			}, "silent-smtp");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		int connections() {
			return accepted.size();
		}

		@Override
		public void close() throws IOException {
			server.close();
			for (var socket : accepted) {
				socket.close();
			}
		}
	}
}

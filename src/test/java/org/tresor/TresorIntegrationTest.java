package org.tresor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tresor.storage.BlobStore;

/**
 * One application for all full-stack tests: a real server on a random port, a fresh data directory
 * (H2 file database and blobs) and a real SMTP server (GreenMail) for the JVM's lifetime, so the Spring
 * context is built once and shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TresorIntegrationTest.TestClock.class, FailingController.class, TestAdmission.class })
public abstract class TresorIntegrationTest {

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

		/** Wraps the real blob store so tests can make uploads fail ({@link FaultyBlobStore}). */
		@Bean
		static BeanPostProcessor faultyBlobStore() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return bean instanceof BlobStore store && !(bean instanceof FaultyBlobStore) ? new FaultyBlobStore(store)
							: bean;
				}
			};
		}

		@Bean
		TestPendingDeliveries pendingDeliveries() {
			return new TestPendingDeliveries();
		}
	}

	public static final String PUBLIC_BASE_URL = "https://tresor.example.org";

	/** The monitoring system's credential ({@code tresor.metrics.scrape-token}) in these applications. */
	public static final String SCRAPE_TOKEN = "scrape-token-of-the-tests-0123456789-abcdef";

	protected static final Path DATA_DIRECTORY = temporaryDirectory();

	protected static final TestMailServer MAIL = TestMailServer.shared();

	@LocalServerPort
	protected int port;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected ApplicationContext context;

	@Autowired
	protected JdbcTemplate jdbc;

	@Value("${tresor.storage.directory}")
	private Path blobDirectory;

	@DynamicPropertySource
	static void tresorSettings(DynamicPropertyRegistry registry) {
		registry.add("tresor.data-directory", DATA_DIRECTORY::toString);
		registry.add("tresor.public-base-url", () -> PUBLIC_BASE_URL);
		registry.add("tresor.metrics.scrape-token", () -> SCRAPE_TOKEN);
		registry.add("tresor.dev.mailbox", () -> "false");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", MAIL::port);
		// small limits, so going over them costs the tests little
		registry.add("tresor.submission.max-file-size", () -> "3MB");
		registry.add("tresor.submission.max-submission-size", () -> "4MB");
		registry.add("tresor.submission.max-files", () -> "5");
		registry.add("tresor.delivery.max-file-size", () -> "3MB");
		registry.add("tresor.delivery.max-delivery-size", () -> "4MB");
		registry.add("tresor.delivery.max-files", () -> "5");
		// mails that failed are retried within seconds, not minutes
		registry.add("tresor.mail.retry-interval", () -> "1s");
		registry.add("tresor.mail.max-retry-interval", () -> "2s");
		// the tests run the sweeper and retention themselves, when they have set the scene
		registry.add("tresor.storage.sweep-delay-after-startup", () -> "1d");
		registry.add("tresor.retention.delay-after-startup", () -> "1d");
	}

	/** The address of {@code path} on the running test server. */
	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** A link from a mail, pointed at the test server (mails carry the configured public base URL). */
	protected String local(String link) {
		if (!link.startsWith(PUBLIC_BASE_URL + "/")) {
			throw new AssertionError("Link not built from the public base URL: " + link);
		}
		return url(link.substring(PUBLIC_BASE_URL.length()));
	}

	/** Where this application keeps its blobs ({@link OnPostgres} tests have their own). */
	protected Path blobDirectory() {
		return blobDirectory;
	}

	/** Every file under the blob directory, temporary ones included. */
	protected Set<Path> blobFiles() throws IOException {
		try (var files = Files.walk(blobDirectory)) {
			return files.filter(Files::isRegularFile).collect(Collectors.toSet());
		}
	}

	/** Every value of every table as text (H2 or PostgreSQL), to look for what must never be stored. */
	protected String databaseContents() {
		var text = new StringBuilder();
		var tables = jdbc.queryForList("select table_name from information_schema.tables"
				+ " where table_schema = current_schema and table_type = 'BASE TABLE'", String.class);
		for (var table : tables) {
			jdbc.query("select * from \"" + table + "\"", row -> {
				for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
					text.append(row.getString(column)).append('\n');
				}
			});
		}
		return text.toString();
	}

	/** Makes the database write what it holds to its files. */
	protected void checkpoint() {
		var product = jdbc.execute(
				(ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName());
		jdbc.execute("H2".equals(product) ? "CHECKPOINT SYNC" : "CHECKPOINT");
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("tresor-it-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

package org.tresor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs a full-stack test class a second time on PostgreSQL, the way production runs: the {@code prod} profile
 * with the environment variables {@code docker-compose.yml} sets, on a real PostgreSQL server (binaries from a
 * Maven artifact) migrated by Flyway from an empty schema. Subclass an H2 test and implement this interface:
 *
 * <pre>
 * class InboundFlowOnPostgresIntegrationTests extends InboundFlowIntegrationTests implements OnPostgres {
 * }
 * </pre>
 *
 * Every such class shares one application context (one PostgreSQL server, one blob directory of its own); the
 * test server, SMTP server and clock are those of {@link TresorIntegrationTest}.
 */
@ActiveProfiles("prod")
public interface OnPostgres {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("TRESOR_DB_URL", Server::jdbcUrl);
		registry.add("TRESOR_DB_USER", () -> "postgres");
		registry.add("TRESOR_DB_PASSWORD", () -> "");
		registry.add("TRESOR_PUBLIC_BASE_URL", () -> TresorIntegrationTest.PUBLIC_BASE_URL);
		registry.add("TRESOR_SMTP_HOST", () -> "127.0.0.1");
		registry.add("TRESOR_SMTP_PORT", TestMailServer.shared()::port);
		registry.add("TRESOR_SMTP_AUTH", () -> "false");
		registry.add("TRESOR_SMTP_STARTTLS", () -> "false");
		registry.add("TRESOR_MAIL_FROM", () -> "tresor@localhost");
		// the H2 context keeps its blobs under the shared data directory; these must not mix with them
		registry.add("tresor.storage.directory", Server::blobDirectory);
	}

	/** One PostgreSQL server for the JVM's lifetime; it stops itself when the JVM exits. */
	final class Server {

		private static final EmbeddedPostgres POSTGRES = start();

		private static final Path BLOBS = temporaryDirectory();

		private Server() {
		}

		static String jdbcUrl() {
			return POSTGRES.getJdbcUrl("postgres", "postgres");
		}

		/** A new, empty database on the same server, for a test that needs a schema of its own. */
		static String newDatabase(String name) {
			try (var connection = POSTGRES.getPostgresDatabase().getConnection();
					var statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + name);
			}
			catch (java.sql.SQLException e) {
				throw new IllegalStateException(e);
			}
			return POSTGRES.getJdbcUrl("postgres", name);
		}

		static String blobDirectory() {
			return BLOBS.toString();
		}

		private static EmbeddedPostgres start() {
			try {
				return EmbeddedPostgres.start();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		private static Path temporaryDirectory() {
			try {
				return Files.createTempDirectory("tresor-pg-blobs-");
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}
}

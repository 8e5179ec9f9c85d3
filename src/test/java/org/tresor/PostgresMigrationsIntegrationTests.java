package org.tresor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The migrations are written once for H2 and PostgreSQL. This starts the application on a real
 * PostgreSQL server (binaries from a Maven artifact), from an empty schema through every migration, with
 * Hibernate validating that the entities match.
 */
@SpringBootTest
class PostgresMigrationsIntegrationTests {

	static final EmbeddedPostgres POSTGRES = start();

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) throws IOException {
		registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
		registry.add("tresor.data-directory", () -> temporaryDirectory());
		registry.add("tresor.dev.mailbox", () -> "false");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", TestMailServer.shared()::port);
	}

	@AfterAll
	static void stop() throws IOException {
		POSTGRES.close();
	}

	@Test
	void everyMigrationRunsOnPostgresAndMatchesTheEntities() {
		assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
		assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
			.isEqualTo(migrationFiles());
		assertThat(jdbc.queryForObject("select count(*) from submit_boxes where slug = 'info'", Integer.class))
			.isEqualTo(1);
	}

	private static int migrationFiles() {
		try {
			return new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
				.getResources("classpath:db/migration/V*.sql").length;
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static EmbeddedPostgres start() {
		try {
			return EmbeddedPostgres.start();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String temporaryDirectory() {
		try {
			return Files.createTempDirectory("tresor-pg-").toString();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

package org.tresor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The migrations are written once for H2 and PostgreSQL. On a real PostgreSQL server every migration runs
 * from an empty schema, and Hibernate validates that the entities match.
 */
class PostgresMigrationsIntegrationTests extends TresorIntegrationTest implements OnPostgres {

	@Test
	void everyMigrationRunsOnPostgresAndMatchesTheEntities() throws IOException {
		var migrations = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql");
		assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
		assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
			.isEqualTo(migrations.length);
		assertThat(jdbc.queryForObject("select count(*) from submit_boxes where slug = 'info'", Integer.class))
			.isEqualTo(1);
	}
}

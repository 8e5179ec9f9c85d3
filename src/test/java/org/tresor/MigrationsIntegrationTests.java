package org.tresor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.pattern.ValidatePattern;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The schema starts from one baseline migration (B121), and a database that the 0.1 snapshots migrated step by
 * step (V1 to V120, whose files are gone) opens as it is and goes on with later migrations.
 */
class MigrationsIntegrationTests extends TresorIntegrationTest {

	/** The versions a step-by-step database has applied: the files that B121 replaced. */
	private static final List<String> STEPS = List.of("1", "2", "3", "4", "5", "30", "31", "32", "33", "50", "51",
			"60", "70", "90", "100", "110", "120");

	@Autowired
	private Flyway flyway;

	@Test
	void startsAnEmptyDatabaseFromTheBaseline() {
		var applied = jdbc.queryForList("select \"version\", \"type\" from \"flyway_schema_history\""
				+ " where \"success\" and \"version\" is not null order by \"installed_rank\"");

		assertThat(applied.get(0)).containsEntry("version", "121").containsEntry("type", "SQL_BASELINE");
	}

	@Test
	void opensADatabaseMigratedStepByStepAsItIsAndGoesOnWithTheLaterMigrations() {
		var stepwise = stepwiseDatabase("stepwise");

		var result = configuredLikeTheApplication(stepwise).migrate();

		assertThat(result.success).isTrue();
		assertThat(result.migrations).isNotEmpty()
			.allSatisfy(migration -> assertThat(Integer.parseInt(migration.version)).isGreaterThan(121));
		assertThat(configuredLikeTheApplication(stepwise).info().current().getVersion())
			.isEqualTo(flyway.info().current().getVersion());
	}

	@Test
	void wouldRefuseTheStepwiseDatabaseWithoutIgnoringTheMissingSteps() {
		var stepwise = stepwiseDatabase("strict");

		assertThatThrownBy(() -> Flyway.configure()
			.configuration(flyway.getConfiguration())
			.ignoreMigrationPatterns(new ValidatePattern[0])
			.dataSource(stepwise)
			.load()
			.migrate()).isInstanceOf(FlywayException.class).hasMessageContaining("not resolved locally");
	}

	/**
	 * The schema the steps built (which B121 writes at once) with the history they left: one successful row per
	 * step, and no baseline.
	 */
	private JdbcDataSource stepwiseDatabase(String name) {
		var database = new JdbcDataSource();
		database.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
		database.setUser("sa");
		Flyway.configure().configuration(flyway.getConfiguration()).target("121").dataSource(database).load().migrate();
		var history = new JdbcTemplate(database);
		history.update("delete from \"flyway_schema_history\"");
		for (int rank = 0; rank < STEPS.size(); rank++) {
			history.update("insert into \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
					+ " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
					+ " values (?, ?, ?, 'SQL', ?, 0, 'sa', 1, true)",
					rank + 1, STEPS.get(rank), "step " + STEPS.get(rank), "V" + STEPS.get(rank) + "__step.sql");
		}
		return database;
	}

	private Flyway configuredLikeTheApplication(JdbcDataSource database) {
		return Flyway.configure().configuration(flyway.getConfiguration()).dataSource(database).load();
	}
}

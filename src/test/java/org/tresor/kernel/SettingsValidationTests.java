package org.tresor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.PlaceholderResolutionException;

/** The shared settings are checked when they are bound: a wrong value stops the start with a clear message. */
class SettingsValidationTests {

	@TempDir
	Path temp;

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@Test
	void bindsValidSettingsAndCreatesTheDataDirectory() {
		var dataDirectory = temp.resolve("new/data");
		context.withPropertyValues("tresor.public-base-url=https://tresor.example.org/", "tresor.data-directory=" + dataDirectory)
			.run(started -> {
				var properties = started.getBean(TresorProperties.class);
				assertThat(properties.link("/inbox")).isEqualTo("https://tresor.example.org/inbox");
				assertThat(properties.logFormat()).isEmpty();
				assertThat(properties.timeZone().getId()).isEqualTo("Europe/Berlin");
			});
		assertThat(dataDirectory).isDirectory();
	}

	@Nested
	class PublicBaseUrl {

		@Test
		void mustBeAbsolute() {
			assertRefused(start("tresor.public-base-url=tresor.example.org"), "tresor.public-base-url",
					"TRESOR_PUBLIC_BASE_URL", "absolute http(s) address");
		}

		@Test
		void mustBeHttpOrHttps() {
			assertRefused(start("tresor.public-base-url=ftp://tresor.example.org"), "tresor.public-base-url",
					"TRESOR_PUBLIC_BASE_URL", "was 'ftp://tresor.example.org'");
		}

		@Test
		void mustNotCarryAQuery() {
			assertRefused(start("tresor.public-base-url=https://tresor.example.org/?x=1"), "tresor.public-base-url",
					"TRESOR_PUBLIC_BASE_URL", "without query");
		}

		@Test
		void mustBeGiven() {
			context.withPropertyValues("tresor.data-directory=" + temp)
				.run(started -> assertThat(started).getFailure().rootCause().hasMessageContaining("publicBaseUrl"));
		}

		private AssertableApplicationContext start(String setting) {
			var result = new AssertableApplicationContext[1];
			context.withPropertyValues(setting, "tresor.data-directory=" + temp).run(started -> result[0] = started);
			return result[0];
		}
	}

	@Nested
	class DataDirectory {

		@Test
		void mustBeCreatable() throws IOException {
			var file = Files.writeString(temp.resolve("a-file"), "not a directory");
			var result = new AssertableApplicationContext[1];
			context.withPropertyValues("tresor.public-base-url=https://tresor.example.org",
					"tresor.data-directory=" + file.resolve("data")).run(started -> result[0] = started);
			assertRefused(result[0], "tresor.data-directory", "TRESOR_DATA_DIR", "cannot be created");
		}
	}

	@Test
	void logFormatMustBeOneSpringBootKnows() {
		context.withPropertyValues("tresor.public-base-url=https://tresor.example.org", "tresor.data-directory=" + temp,
				"tresor.log-format=xml")
			.run(started -> assertThat(started).getFailure().hasStackTraceContaining("logFormat")
				.hasStackTraceContaining("must be empty (plain text), ecs, logstash or gelf"));
	}

	@Test
	void missingEnvironmentVariableIsNamed() {
		var environment = new MockEnvironment();
		var missing = catchThrowableOfType(PlaceholderResolutionException.class,
				() -> environment.resolveRequiredPlaceholders("${TRESOR_DB_URL}"));
		FailureAnalysis analysis = new MissingSettingFailureAnalyzer().analyze(new IllegalStateException(missing));
		assertThat(analysis.getDescription()).contains("environment variable TRESOR_DB_URL is not set");
		assertThat(analysis.getAction()).contains("Set TRESOR_DB_URL");
		var other = catchThrowableOfType(PlaceholderResolutionException.class,
				() -> environment.resolveRequiredPlaceholders("${something.else}"));
		assertThat(new MissingSettingFailureAnalyzer().analyze(other)).isNull();
	}

	@Test
	void environmentVariablesFollowRelaxedBinding() {
		assertThat(InvalidSettingException.environmentVariableOf("tresor.submission.max-file-size"))
			.isEqualTo("TRESOR_SUBMISSION_MAX_FILE_SIZE");
	}

	/** Checks that the start failed on {@code setting} and that the analysis names it and its variable. */
	static void assertRefused(AssertableApplicationContext started, String setting, String variable, String problem) {
		assertThat(started).hasFailed();
		var analysis = new SettingsFailureAnalyzer().analyze(started.getStartupFailure());
		assertThat(analysis).as("analysis of " + started.getStartupFailure()).isNotNull();
		assertThat(analysis.getDescription()).contains(setting).contains(variable).contains(problem);
		assertThat(analysis.getAction()).contains(variable);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TresorProperties.class)
	static class Settings {
	}
}

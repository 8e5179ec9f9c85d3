package org.tresor.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.tresor.kernel.InvalidSettingException;

/** {@code tresor.storage.*}: the S3 settings are checked when they are bound, like every other. */
class StoragePropertiesTests {

	@TempDir
	Path directory;

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@Test
	void keepsBlobsInTheDirectoryUnlessToldOtherwise() {
		run().run(started -> {
			var properties = started.getBean(StorageProperties.class);
			assertThat(properties.type()).isEqualTo(StorageProperties.Type.FILESYSTEM);
			assertThat(properties.s3()).isNull();
		});
	}

	@Test
	void bindsABucketWithDefaults() {
		run("tresor.storage.type=s3", "tresor.storage.s3.bucket=tresor").run(started -> {
			var s3 = started.getBean(StorageProperties.class).s3();
			assertThat(s3.bucket()).isEqualTo("tresor");
			assertThat(s3.region()).isEqualTo("us-east-1");
			assertThat(s3.partSize()).isEqualTo(DataSize.ofMegabytes(16));
			assertThat(s3.pathStyle()).isFalse();
			assertThat(s3.hasStaticCredentials()).isFalse();
		});
	}

	@Test
	void neverShowsTheSecretKey() {
		run("tresor.storage.type=s3", "tresor.storage.s3.bucket=tresor", "tresor.storage.s3.access-key=tresor",
				"tresor.storage.s3.secret-key=very-secret")
			.run(started -> assertThat(started.getBean(StorageProperties.class).toString()).doesNotContain("very-secret"));
	}

	@Test
	void refusesS3WithoutABucket() {
		assertRefused(run("tresor.storage.type=s3"), "tresor.storage.s3.bucket", "TRESOR_STORAGE_S3_BUCKET",
				"must be set");
	}

	@Test
	void refusesAPartSmallerThanS3Takes() {
		assertRefused(run("tresor.storage.type=s3", "tresor.storage.s3.bucket=tresor", "tresor.storage.s3.part-size=1MB"),
				"tresor.storage.s3.part-size", "TRESOR_STORAGE_S3_PART_SIZE", "between 5MB and 1024MB");
	}

	@Test
	void refusesAnAccessKeyWithoutSecretKey() {
		assertRefused(run("tresor.storage.type=s3", "tresor.storage.s3.bucket=tresor",
				"tresor.storage.s3.access-key=tresor"), "tresor.storage.s3.access-key", "TRESOR_STORAGE_S3_ACCESS_KEY",
				"set together");
	}

	@Test
	void refusesAnEndpointThatIsNoHttpUrl() {
		assertRefused(run("tresor.storage.type=s3", "tresor.storage.s3.bucket=tresor",
				"tresor.storage.s3.endpoint=minio:9000"), "tresor.storage.s3.endpoint", "TRESOR_STORAGE_S3_ENDPOINT",
				"absolute http(s) URL");
	}

	@Test
	void refusesAnUnknownType() {
		run("tresor.storage.type=nfs").run(started -> assertThat(started).getFailure().hasStackTraceContaining("nfs"));
	}

	private ApplicationContextRunner run(String... settings) {
		return context.withPropertyValues("tresor.storage.directory=" + directory).withPropertyValues(settings);
	}

	private static void assertRefused(ApplicationContextRunner runner, String setting, String variable, String problem) {
		runner.run(started -> assertThat(invalidSetting(started))
			.returns(setting, InvalidSettingException::setting)
			.returns(variable, InvalidSettingException::environmentVariable)
			.satisfies(invalid -> assertThat(invalid.problem()).contains(problem)));
	}

	private static InvalidSettingException invalidSetting(AssertableApplicationContext started) {
		for (var cause = started.getStartupFailure(); cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidSettingException invalid) {
				return invalid;
			}
		}
		throw new AssertionError("Not refused as an invalid setting: " + started.getStartupFailure());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(StorageProperties.class)
	static class Settings {
	}
}

package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class AccountPropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@Test
	void setUpLinksWorkAWeekByDefault() {
		context.run(started -> assertThat(started.getBean(AccountProperties.class).setupLinkLifetime()).hasDays(7));
	}

	@Test
	void refusesLinksThatExpireAtOnce() {
		context.withPropertyValues("tresor.account.setup-link-lifetime=-1h")
			.run(started -> assertThat(started).getFailure().hasStackTraceContaining("setupLinkLifetime"));
	}

	@Test
	void hashesPasswordsOnHalfTheProcessorsByDefaultOrAsManyAsSet() {
		context.run(started -> assertThat(started.getBean(AccountProperties.class).concurrentPasswordHashes())
			.isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2)));
		context.withPropertyValues("tresor.account.max-concurrent-password-hashes=3")
			.run(started -> assertThat(started.getBean(AccountProperties.class).concurrentPasswordHashes()).isEqualTo(3));
		context.withPropertyValues("tresor.account.max-concurrent-password-hashes=-1")
			.run(started -> assertThat(started).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AccountProperties.class)
	static class Settings {
	}
}

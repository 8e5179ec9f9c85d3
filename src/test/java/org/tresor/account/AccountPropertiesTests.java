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

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AccountProperties.class)
	static class Settings {
	}
}

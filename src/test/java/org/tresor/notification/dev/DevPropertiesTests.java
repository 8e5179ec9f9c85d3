package org.tresor.notification.dev;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The dev mailbox keeps a bounded number of mails, and a bound that keeps none stops the start. */
class DevPropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@Test
	void keepsTheNewestThousandMailsByDefault() {
		context.run(started -> assertThat(started.getBean(DevProperties.class).mailboxCapacity()).isEqualTo(1000));
	}

	@Test
	void refusesAMailboxThatKeepsNothing() {
		context.withPropertyValues("tresor.dev.mailbox-capacity=0")
			.run(started -> assertThat(started).getFailure().hasStackTraceContaining("mailboxCapacity"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DevProperties.class)
	static class Settings {
	}
}

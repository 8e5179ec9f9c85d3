package org.tresor.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class MailPropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@Test
	void bindsTheSenderAddress() {
		context.withPropertyValues("tresor.mail.from=tresor@example.org")
			.run(started -> assertThat(started.getBean(MailProperties.class).from()).isEqualTo("tresor@example.org"));
	}

	@Test
	void refusesASenderThatIsNotOneAddress() {
		context.withPropertyValues("tresor.mail.from=Tresor <a@example.org>, b@example.org")
			.run(started -> assertThat(started).getFailure().hasStackTraceContaining("tresor.mail.from")
				.hasStackTraceContaining("must be one plain e-mail address"));
	}

	@Test
	void refusesARetryIntervalOfZero() {
		context.withPropertyValues("tresor.mail.retry-interval=0s")
			.run(started -> assertThat(started).getFailure().hasStackTraceContaining("retryInterval"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(MailProperties.class)
	static class Settings {
	}
}

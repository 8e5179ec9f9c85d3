package org.tresor.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.tresor.kernel.InvalidSettingException;

class DeliveryPropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@Test
	void keepsDeliveriesThirtyDaysByDefault() {
		context.run(started -> assertThat(started.getBean(DeliveryProperties.class).defaultExpiryDays()).isEqualTo(30));
	}

	@Test
	void refusesADefaultExpiryBeyondTheLongestAllowed() {
		context.withPropertyValues("tresor.delivery.default-expiry=100d")
			.run(started -> assertThat(started).getFailure().rootCause().isInstanceOf(InvalidSettingException.class)
				.hasMessageContaining("tresor.delivery.default-expiry must not be longer than"));
	}

	@Test
	void refusesAFileLimitAboveTheDeliveryLimit() {
		context.withPropertyValues("tresor.delivery.max-delivery-size=1MB", "tresor.delivery.max-file-size=2MB")
			.run(started -> assertThat(started).getFailure().rootCause()
				.hasMessageContaining("tresor.delivery.max-file-size must not be larger than"));
	}

	@Test
	void refusesAnExpiryShorterThanADay() {
		context.withPropertyValues("tresor.delivery.default-expiry=2h", "tresor.delivery.max-expiry=2h")
			.run(started -> assertThat(started).getFailure().hasStackTraceContaining("maxExpiry"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DeliveryProperties.class)
	static class Settings {
	}
}

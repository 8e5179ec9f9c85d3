package org.tresor.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.tresor.kernel.InvalidSettingException;

/** {@code tresor.scan.*}: off unless asked for; clamd's settings are checked when they are bound. */
class ScanPropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@Test
	void scansNothingUnlessAskedAndRefusesWhatCannotBeScanned() {
		context.run(started -> {
			var properties = started.getBean(ScanProperties.class);
			assertThat(properties.mode()).isEqualTo(ScanProperties.Mode.OFF);
			assertThat(properties.whenUnavailable()).isEqualTo(ScanProperties.WhenUnavailable.REFUSE);
			assertThat(properties.clamd().port()).isEqualTo(3310);
			assertThat(properties.clamd().timeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.clamd().maxFileSize()).isEqualTo(DataSize.ofMegabytes(100));
			assertThat(properties.clamd().maxSignatureAge()).isEqualTo(Duration.ofDays(3));
		});
	}

	@Test
	void bindsAcceptUnscanned() {
		context.withPropertyValues("tresor.scan.mode=clamd", "tresor.scan.when-unavailable=accept-unscanned")
			.run(started -> assertThat(started.getBean(ScanProperties.class).whenUnavailable())
				.isEqualTo(ScanProperties.WhenUnavailable.ACCEPT_UNSCANNED));
	}

	@Test
	void refusesAPortThatIsNone() {
		context.withPropertyValues("tresor.scan.clamd.port=70000")
			.run(started -> assertThat(started.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidSettingException.class)
				.hasMessageContaining("tresor.scan.clamd.port must be a port"));
	}

	@Test
	void refusesAnEmptyMaximumFileSize() {
		context.withPropertyValues("tresor.scan.clamd.max-file-size=0")
			.run(started -> assertThat(started.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidSettingException.class)
				.hasMessageContaining("tresor.scan.clamd.max-file-size must be positive"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ScanProperties.class)
	static class Settings {
	}
}

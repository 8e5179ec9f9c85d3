package org.tresor.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.tresor.crypto.CryptoProperties.Engine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class CryptoPropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(CryptoConfiguration.class);

	@Test
	void allowsTwoConcurrentUnlocksByDefault() {
		context.run(started -> {
			assertThat(started.getBean(CryptoProperties.class).maxConcurrentUnlocks()).isEqualTo(2);
			assertThat(started).hasSingleBean(Keys.class).hasSingleBean(Envelopes.class);
		});
	}

	@Test
	void bindsTheNumberOfConcurrentUnlocks() {
		context.withPropertyValues("tresor.crypto.max-concurrent-unlocks=5")
			.run(started -> assertThat(started.getBean(CryptoProperties.class).maxConcurrentUnlocks()).isEqualTo(5));
	}

	@Test
	void refusesToStartWithoutAnyUnlocks() {
		context.withPropertyValues("tresor.crypto.max-concurrent-unlocks=0")
			.run(started -> assertThat(started).hasFailed());
		assertThatIllegalArgumentException().isThrownBy(() -> new CryptoProperties(0, Engine.AUTO));
	}

	@Test
	void usesLibgcryptWhenItCanByDefault() {
		context.run(started -> assertThat(started.getBean(CryptoProperties.class).engine()).isEqualTo(Engine.AUTO));
	}

	@Test
	void bindsTheEngine() {
		context.withPropertyValues("tresor.crypto.engine=jdk")
			.run(started -> assertThat(started.getBean(CryptoEngine.class).aesEngine()).isEqualTo("the JDK (SunJCE)"));
	}

	@Test
	void refusesToStartWithAnUnknownEngine() {
		context.withPropertyValues("tresor.crypto.engine=openssl").run(started -> assertThat(started).hasFailed());
	}

	@Configuration
	@EnableConfigurationProperties(CryptoProperties.class)
	@Import({ Keys.class, CryptoEngine.class, CfbEncryptors.class, Envelopes.class })
	static class CryptoConfiguration {
	}
}

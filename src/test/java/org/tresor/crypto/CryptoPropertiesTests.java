package org.tresor.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.tresor.crypto.CryptoProperties.AesEngine;
import org.tresor.crypto.internal.CfbCiphers;
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
		assertThatIllegalArgumentException().isThrownBy(() -> new CryptoProperties(0, AesEngine.AUTO));
	}

	@Test
	void encryptsWithLibgcryptWhenItCanByDefault() {
		context.run(started -> assertThat(started.getBean(CryptoProperties.class).aesEngine()).isEqualTo(AesEngine.AUTO));
	}

	@Test
	void bindsTheAesEngine() {
		context.withPropertyValues("tresor.crypto.aes-engine=jdk")
			.run(started -> assertThat(started.getBean(CfbCiphers.class).engine()).isEqualTo("the JDK (SunJCE)"));
	}

	@Test
	void refusesToStartWithAnUnknownAesEngine() {
		context.withPropertyValues("tresor.crypto.aes-engine=openssl").run(started -> assertThat(started).hasFailed());
	}

	@Test
	void locksKeysWithRfc9106sSecondRecommendationByDefault() {
		context.run(started -> {
			var protection = started.getBean(CryptoProperties.class).keyProtection();
			assertThat(protection.memoryExponent()).as("2^16 KiB = 64 MiB").isEqualTo(16);
			assertThat(protection.passes()).isEqualTo(3);
			assertThat(protection.isBelowOwaspFloor()).isFalse();
		});
	}

	@Test
	void bindsTheKeyProtection() {
		context.withPropertyValues("tresor.crypto.key-protection.memory=256MB", "tresor.crypto.key-protection.passes=4")
			.run(started -> {
				var protection = started.getBean(CryptoProperties.class).keyProtection();
				assertThat(protection.memoryExponent()).isEqualTo(18);
				assertThat(protection.passes()).isEqualTo(4);
			});
	}

	@Test
	void refusesToStartWithKeyProtectionArgon2CannotUse() {
		for (var memory : new String[] { "48MB", "512KB", "0MB" }) {
			context.withPropertyValues("tresor.crypto.key-protection.memory=" + memory)
				.run(started -> assertThat(started).as(memory).hasFailed());
		}
		context.withPropertyValues("tresor.crypto.key-protection.passes=0").run(started -> assertThat(started).hasFailed());
	}

	@Configuration
	@EnableConfigurationProperties(CryptoProperties.class)
	@Import({ Keys.class, CfbCiphers.class, Envelopes.class })
	static class CryptoConfiguration {
	}
}

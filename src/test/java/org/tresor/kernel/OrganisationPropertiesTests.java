package org.tresor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.annotation.Configuration;

class OrganisationPropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Test
	void isCalledTresorWithoutALogoByDefault() {
		context.run(started -> {
			var organisation = started.getBean(OrganisationProperties.class);
			assertThat(organisation.name()).isEqualTo("Tresor");
			assertThat(organisation.logo()).isNull();
			assertThat(organisation.logoOrigin()).isEmpty();
		});
	}

	@Test
	void bindsNameAndLogo() {
		context.withPropertyValues("tresor.organisation.name=Kanzlei Beispiel",
				"tresor.organisation.logo-url=https://static.example.org:8443/brand/logo.svg")
			.run(started -> {
				var organisation = started.getBean(OrganisationProperties.class);
				assertThat(organisation.name()).isEqualTo("Kanzlei Beispiel");
				assertThat(organisation.logo()).isEqualTo("https://static.example.org:8443/brand/logo.svg");
				assertThat(organisation.logoOrigin()).contains("https://static.example.org:8443");
			});
	}

	@Test
	void logoOnThisServerNeedsNoOtherOrigin() {
		var organisation = new OrganisationProperties("Praxis", URI.create("/logo.png"));

		assertThat(organisation.logo()).isEqualTo("/logo.png");
		assertThat(organisation.logoOrigin()).isEmpty();
	}

	@Test
	void refusesABlankName() {
		context.withPropertyValues("tresor.organisation.name= ").run(started -> assertThat(started).hasFailed());
	}

	@Test
	void refusesALogoThatIsNeitherHttpNorAPathOnThisServer() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OrganisationProperties("x", URI.create("javascript:alert(1)")));
		assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationProperties("x", URI.create("logo.png")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OrganisationProperties("x", URI.create("//other.example.org/logo.png")));
		context.withPropertyValues("tresor.organisation.logo-url=ftp://example.org/logo.png")
			.run(started -> assertThat(started).hasFailed());
	}

	@Configuration
	@EnableConfigurationProperties(OrganisationProperties.class)
	static class Settings {
	}
}

package org.tresor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import jakarta.mail.util.StreamProvider;

/**
 * The embedded default does not spend CPU on what a page or mail needs again and again: parsed templates are kept,
 * H2 keeps more parsed statements than a request runs, and Jakarta Mail finds its stream provider without
 * scanning the class path (measured: together more than a third of a ticket request's CPU time).
 */
class EmbeddedDefaultsIntegrationTests extends TresorIntegrationTest {

	@Autowired
	private ThymeleafViewResolver pages;

	@Test
	void keepsParsedTemplates() {
		assertThat(pages.isCache()).isTrue();
	}

	@Test
	void h2KeepsMoreParsedStatementsThanARequestRuns() {
		var cached = jdbc.queryForObject(
				"select setting_value from information_schema.settings where setting_name = 'QUERY_CACHE_SIZE'",
				Integer.class);

		assertThat(cached).isGreaterThanOrEqualTo(64);
	}

	@Test
	void theMailStreamProviderNamedAtStartIsTheOneOnTheClassPath() {
		assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(TresorApplication.ANGUS_STREAM_PROVIDER);
	}
}

package org.tresor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.io.ClassPathResource;

/** The audit page names every action in words: its key is computed at run time, so MessagesTests cannot see it. */
class AuditActionLabelsTests {

	@ParameterizedTest
	@EnumSource(AuditAction.class)
	void everyActionHasAGermanAndAnEnglishLabel(AuditAction action) throws IOException {
		assertThat(labels("messages/audit.properties")).containsKey("audit.action." + action.name());
		assertThat(labels("messages/audit_en.properties")).containsKey("audit.action." + action.name());
	}

	private static Properties labels(String path) throws IOException {
		var properties = new Properties();
		try (var reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}
}

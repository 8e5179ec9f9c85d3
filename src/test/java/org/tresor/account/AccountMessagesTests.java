package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** German and English texts stay in step. */
class AccountMessagesTests {

	@Test
	void germanAndEnglishHaveTheSameKeys() throws IOException {
		var german = load("messages/account.properties");
		var english = load("messages/account_en.properties");
		assertThat(german).isNotEmpty();
		assertThat(english.keySet()).containsExactlyInAnyOrderElementsOf(german.keySet());
		assertThat(german.values()).allSatisfy(text -> assertThat(text.toString()).isNotBlank());
		assertThat(english.values()).allSatisfy(text -> assertThat(text.toString()).isNotBlank());
	}

	private static Properties load(String path) throws IOException {
		var properties = new Properties();
		try (var reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}
}

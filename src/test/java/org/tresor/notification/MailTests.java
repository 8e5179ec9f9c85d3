package org.tresor.notification;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MailTests {

	@ParameterizedTest
	@CsvSource(nullValues = "null", value = { "de, de", "de-AT, de", "en, en", "en-GB, en", "EN, en", "fr, de",
			"'', de", "null, de", "not a tag, de" })
	void writesGermanOrEnglishGermanByDefault(String tag, String language) {
		assertThat(Mail.language(tag)).isEqualTo(Locale.forLanguageTag(language));
	}
}

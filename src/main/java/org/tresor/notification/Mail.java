package org.tresor.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One mail to compose and send.
 *
 * @param variables the template model; links in it are built from the public base URL
 * @param subjectArguments arguments of the subject message
 */
record Mail(MailType type, Recipient to, Locale locale, Map<String, Object> variables, List<Object> subjectArguments) {

	static final List<Locale> LANGUAGES = List.of(Locale.GERMAN, Locale.ENGLISH);

	/** The mail language for a language tag: German or English, German for anything else. */
	static Locale language(String languageTag) {
		if (languageTag == null || languageTag.isBlank()) {
			return Locale.GERMAN;
		}
		var language = Locale.forLanguageTag(languageTag.strip()).getLanguage();
		return LANGUAGES.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(Locale.GERMAN);
	}
}

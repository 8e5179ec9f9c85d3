package org.tresor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every text exists in German and in English, and every text a template asks for exists. */
class MessagesTests {

	private static final PathMatchingResourcePatternResolver RESOURCES = new PathMatchingResourcePatternResolver();

	/** {@code #{key}} and {@code #{key(args)}}; keys computed at run time ({@code #{${…}}}) are not literal. */
	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)");

	static Stream<String> bundles() throws IOException {
		return Stream.of(RESOURCES.getResources("classpath:messages/*.properties"))
			.map(Resource::getFilename)
			.filter(name -> !name.contains("_"))
			.map(name -> name.substring(0, name.length() - ".properties".length()));
	}

	@ParameterizedTest
	@MethodSource("bundles")
	void germanAndEnglishHaveTheSameKeys(String bundle) throws IOException {
		var german = load("messages/" + bundle + ".properties");
		var english = load("messages/" + bundle + "_en.properties");
		assertThat(german).as(bundle).isNotEmpty();
		assertThat(english.keySet()).as(bundle).containsExactlyInAnyOrderElementsOf(german.keySet());
		assertThat(german.values()).allSatisfy(text -> assertThat(text.toString()).isNotBlank());
		assertThat(english.values()).allSatisfy(text -> assertThat(text.toString()).isNotBlank());
	}

	@Test
	void everyKeyATemplateUsesExists() throws IOException {
		var keys = new HashSet<Object>();
		for (var bundle : bundles().toList()) {
			keys.addAll(load("messages/" + bundle + ".properties").keySet());
		}
		var used = new HashSet<String>();
		for (var pattern : Set.of("classpath:templates/**/*.html", "classpath:templates/**/*.txt")) {
			for (var template : RESOURCES.getResources(pattern)) {
				var matcher = TEMPLATE_KEY.matcher(template.getContentAsString(StandardCharsets.UTF_8));
				while (matcher.find()) {
					used.add(matcher.group(1));
				}
			}
		}
		assertThat(used).isNotEmpty();
		assertThat(keys).containsAll(used);
	}

	private static Properties load(String path) throws IOException {
		var properties = new Properties();
		try (var reader = new InputStreamReader(RESOURCES.getResource("classpath:" + path).getInputStream(),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}
}

package org.tresor.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language: the browser's (German or English), German when it asks for neither, and a {@code ?lang=}
 * switch remembered in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.GERMAN, Locale.ENGLISH);

	@Bean
	LocaleResolver localeResolver() {
		var browserLanguage = new AcceptHeaderLocaleResolver();
		browserLanguage.setSupportedLocales(SUPPORTED);
		browserLanguage.setDefaultLocale(Locale.GERMAN);
		var resolver = new CookieLocaleResolver("tresor-lang") {

			@Override
			protected Locale parseLocaleValue(String value) {
				return supported(super.parseLocaleValue(value));
			}
		};
		// a cookie from elsewhere (or an old language) falls back to the browser's language instead of failing
		resolver.setRejectInvalidCookies(false);
		resolver.setDefaultLocaleFunction(browserLanguage::resolveLocale);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var change = new LocaleChangeInterceptor() {

			@Override
			protected Locale parseLocaleValue(String value) {
				return supported(super.parseLocaleValue(value));
			}
		};
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
	}

	/**
	 * The supported language of {@code locale}: {@code ?lang=en-GB} is English. Anything else is refused, so a
	 * page never claims {@code lang="fr"} while it shows German text.
	 */
	static Locale supported(Locale locale) {
		return SUPPORTED.stream()
			.filter(candidate -> locale != null && candidate.getLanguage().equals(locale.getLanguage()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unsupported language " + locale));
	}

	/**
	 * Spring Boot declares its error page resolver only while nobody declares another, and modules add their own
	 * (the refused-transfer page): so the pages by status are declared here.
	 */
	@Bean
	ErrorPagesByStatus errorPagesByStatus(ResourcePatternResolver resources) throws IOException {
		return new ErrorPagesByStatus(resources);
	}
}

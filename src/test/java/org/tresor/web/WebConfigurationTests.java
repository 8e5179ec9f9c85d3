package org.tresor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;

import jakarta.servlet.http.Cookie;

/** Pages are German or English: the browser's choice, or the switcher's, never a third language. */
class WebConfigurationTests {

	final WebConfiguration configuration = new WebConfiguration();

	final LocaleResolver resolver = configuration.localeResolver();

	@Test
	void followsTheBrowserAndFallsBackToGerman() {
		assertThat(resolve(request("en-GB,en;q=0.8"))).isEqualTo(Locale.ENGLISH);
		assertThat(resolve(request("de-AT"))).isEqualTo(Locale.GERMAN);
		assertThat(resolve(request("fr-FR"))).isEqualTo(Locale.GERMAN);
	}

	@Test
	void theSwitcherOverridesTheBrowser() throws Exception {
		var response = switchTo("en", request("de"));
		var next = request("de");
		next.setCookies(response.getCookie("tresor-lang"));

		assertThat(resolve(next)).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void aRegionalSwitchChoosesItsLanguage() throws Exception {
		var response = switchTo("en-GB", request("de"));

		assertThat(response.getCookie("tresor-lang").getValue()).isEqualTo("en");
	}

	@Test
	void ignoresASwitchToALanguageWithoutTexts() throws Exception {
		var response = switchTo("fr", request("en"));

		assertThat(response.getCookie("tresor-lang")).isNull();
	}

	@Test
	void ignoresACookieOfALanguageWithoutTexts() {
		var request = request("en");
		request.setCookies(new Cookie("tresor-lang", "fr"));

		assertThat(resolve(request)).isEqualTo(Locale.ENGLISH);
	}

	private MockHttpServletResponse switchTo(String language, MockHttpServletRequest request) throws Exception {
		var registry = new InterceptorRegistry() {

			HandlerInterceptor added;

			@Override
			public org.springframework.web.servlet.config.annotation.InterceptorRegistration addInterceptor(
					HandlerInterceptor interceptor) {
				added = interceptor;
				return super.addInterceptor(interceptor);
			}
		};
		configuration.addInterceptors(registry);
		request.setParameter("lang", language);
		request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, resolver);
		var response = new MockHttpServletResponse();
		registry.added.preHandle(request, response, new Object());
		return response;
	}

	private Locale resolve(MockHttpServletRequest request) {
		return resolver.resolveLocale(request);
	}

	private static MockHttpServletRequest request(String acceptLanguage) {
		var request = new MockHttpServletRequest("GET", "/login");
		request.addHeader("Accept-Language", acceptLanguage);
		return request;
	}
}

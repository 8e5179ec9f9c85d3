package org.tresor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/** The refusal page is rendered once per language; later refusals get the same bytes without a render. */
class RememberedUnavailablePageTests {

	private final AtomicInteger renders = new AtomicInteger();

	private final RememberedUnavailablePage page = new RememberedUnavailablePage(languages());

	@Test
	void rendersThePageOncePerLanguageAndThenAnswersFromMemory() throws Exception {
		var first = send("en", "");
		var second = send("en", "");

		assertThat(renders).as("one render for English").hasValue(1);
		assertThat(second.getStatus()).isEqualTo(503);
		assertThat(second.getHeader("Retry-After")).isEqualTo("10");
		assertThat(second.getContentType()).isEqualTo("text/html;charset=UTF-8");
		assertThat(second.getLocale()).isEqualTo(Locale.ENGLISH);
		assertThat(second.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray())
			.isEqualTo("page in en".getBytes(StandardCharsets.UTF_8));

		assertThat(send("de", "").getContentAsString()).isEqualTo("page in de");
		assertThat(renders).as("one more for German").hasValue(2);
	}

	@Test
	void remembersEachKindOfPageOnItsOwn() throws Exception {
		send(page, "en", "", 503, "CLIENT_BUSY");
		send(page, "en", "", 503, "SERVER_BUSY");
		send(page, "en", "", 503, "CLIENT_BUSY");

		assertThat(renders).as("one render per kind").hasValue(2);
	}

	@Test
	void rendersARequestThatSwitchesTheLanguageEveryTime() throws Exception {
		send("en", "lang=de");
		send("en", "lang=de");

		assertThat(renders).hasValue(2);
	}

	@Test
	void rendersForEveryClientThatDoesNotAskForHtml() throws Exception {
		send("en", "");
		var request = new MockHttpServletRequest("GET", "/login") {

			@Override
			public RequestDispatcher getRequestDispatcher(String path) {
				return new Rendering(503);
			}
		};
		request.addHeader("Accept", "application/json");
		page.send(request, new MockHttpServletResponse(), Duration.ofSeconds(10));

		assertThat(renders).hasValue(2);
	}

	@Test
	void remembersNothingThatIsNotTheUnavailablePage() throws Exception {
		send(page, "en", "", 500);
		send(page, "en", "", 500);

		assertThat(renders).as("a failed render is not kept").hasValue(2);
	}

	private MockHttpServletResponse send(String language, String query) throws Exception {
		return send(page, language, query, 503);
	}

	private MockHttpServletResponse send(RememberedUnavailablePage page, String language, String query,
			int renderedStatus) throws Exception {
		return send(page, language, query, renderedStatus, "");
	}

	private MockHttpServletResponse send(RememberedUnavailablePage page, String language, String query,
			int renderedStatus, String kind) throws Exception {
		var request = new MockHttpServletRequest("POST", "/login") {

			@Override
			public RequestDispatcher getRequestDispatcher(String path) {
				return new Rendering(renderedStatus);
			}
		};
		request.addHeader("Accept-Language", language);
		request.addHeader("Accept", "text/html,*/*;q=0.8");
		request.setQueryString(query.isEmpty() ? null : query);
		var response = new MockHttpServletResponse();
		page.send(request, response, Duration.ofSeconds(10), kind);
		return response;
	}

	private static AcceptHeaderLocaleResolver languages() {
		var resolver = new AcceptHeaderLocaleResolver();
		resolver.setSupportedLocales(WebConfiguration.SUPPORTED);
		resolver.setDefaultLocale(Locale.GERMAN);
		return resolver;
	}

	/** Stands in for the error page: writes the page of the request's language. */
	private final class Rendering implements RequestDispatcher {

		private final int status;

		Rendering(int status) {
			this.status = status;
		}

		@Override
		public void forward(ServletRequest request, ServletResponse response) throws IOException {
			renders.incrementAndGet();
			var language = request.getLocale().getLanguage();
			var http = (jakarta.servlet.http.HttpServletResponse) response;
			http.setStatus(status);
			response.setContentType("text/html;charset=UTF-8");
			response.getWriter().write("page in " + language);
			response.getWriter().flush();
		}

		@Override
		public void include(ServletRequest request, ServletResponse response) {
			throw new UnsupportedOperationException();
		}
	}
}

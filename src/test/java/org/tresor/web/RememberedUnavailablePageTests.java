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

	private static final String HTML = "text/html,*/*;q=0.8";

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
		send(request("en", "", 503, HTML), "CLIENT_BUSY");
		send(request("en", "", 503, HTML), "SERVER_BUSY");
		send(request("en", "", 503, HTML), "CLIENT_BUSY");

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
		send(request("en", "", 503, "application/json"), "");

		assertThat(renders).hasValue(2);
	}

	@Test
	void remembersNothingThatIsNotTheUnavailablePage() throws Exception {
		send(request("en", "", 500, HTML), "");
		send(request("en", "", 500, HTML), "");

		assertThat(renders).as("a failed render is not kept").hasValue(2);
	}

	private MockHttpServletResponse send(String language, String query) throws Exception {
		return send(request(language, query, 503, HTML), "");
	}

	private MockHttpServletResponse send(MockHttpServletRequest request, String kind) throws Exception {
		var response = new MockHttpServletResponse();
		page.send(request, response, Duration.ofSeconds(10), kind);
		return response;
	}

	/** A sign-in whose error page, when rendered, answers {@code renderedStatus}. */
	private MockHttpServletRequest request(String language, String query, int renderedStatus, String accept) {
		var request = new MockHttpServletRequest("POST", "/login") {

			@Override
			public RequestDispatcher getRequestDispatcher(String path) {
				return new Rendering(renderedStatus);
			}
		};
		request.addHeader("Accept-Language", language);
		request.addHeader("Accept", accept);
		request.setQueryString(query.isEmpty() ? null : query);
		return request;
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

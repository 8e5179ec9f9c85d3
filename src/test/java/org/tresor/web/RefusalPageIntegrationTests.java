package org.tresor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tresor.TestAdmission;
import org.tresor.TresorIntegrationTest;
import org.tresor.kernel.Turnstile;

/**
 * A request turned away by an admission gets the whole "temporarily unavailable" page from the real server, in its
 * language, with {@code Retry-After} and the security headers, every time: also when it is answered from memory.
 */
class RefusalPageIntegrationTests extends TresorIntegrationTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	private Turnstile testAdmissionPlaces;

	@BeforeEach
	void takeTheOnlyPlace() {
		assertThat(testAdmissionPlaces.enter()).isTrue();
	}

	@AfterEach
	void leaveIt() {
		testAdmissionPlaces.leave();
	}

	@Test
	void everyRefusalGetsTheSameCompletePageInItsLanguage() throws Exception {
		var first = refused("en", "");
		var second = refused("en", "");

		for (var answer : new HttpResponse<?>[] { first, second }) {
			assertThat(answer.statusCode()).isEqualTo(503);
			assertThat(answer.headers().firstValue("Retry-After")).hasValue("7");
			assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
			assertThat(answer.headers().firstValue("Content-Language")).hasValue("en");
			assertThat(answer.headers().firstValue("Content-Security-Policy")).isPresent();
		}
		assertThat(first.body()).contains("The service is temporarily unavailable").endsWith("</html>\n")
			.as("nothing failed, so no error reference").doesNotContain("Error reference");
		assertThat(second.body()).isEqualTo(first.body());

		var german = refused("de", "");
		assertThat(german.body()).contains("vorübergehend nicht verfügbar");
		assertThat(german.headers().firstValue("Content-Language")).hasValue("de");
		assertThat(refused("de", "").body()).isEqualTo(german.body());
	}

	@Test
	void aLanguageSwitchIsHonouredAndRemembered() throws Exception {
		var switched = refused("de", "?lang=en");

		assertThat(switched.statusCode()).isEqualTo(503);
		assertThat(switched.body()).contains("The service is temporarily unavailable");
		assertThat(switched.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("tresor-lang=en"));
	}

	@Test
	void aClientThatAsksForJsonGetsJsonAfterABrowserGotThePage() throws Exception {
		refused("en", "");
		var request = HttpRequest.newBuilder(URI.create(url(TestAdmission.PATH))).header("Accept", "application/json")
			.GET()
			.build();

		var json = http.send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(json.statusCode()).isEqualTo(503);
		assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
			.startsWith("application/json"));
	}

	@Test
	void aRequestThatFindsAPlacePassesOn() throws Exception {
		testAdmissionPlaces.leave();
		try {
			assertThat(refused("en", "").statusCode()).as("on to Spring Security, which asks for a sign-in")
				.isEqualTo(302);
		}
		finally {
			assertThat(testAdmissionPlaces.enter()).isTrue();
		}
	}

	private HttpResponse<String> refused(String language, String query) throws Exception {
		var request = HttpRequest.newBuilder(URI.create(url(TestAdmission.PATH + query)))
			.header("Accept-Language", language)
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.GET()
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}
}

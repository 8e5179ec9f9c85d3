package org.tresor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.htmlunit.WebClient;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.tresor.account.AccountFixtures;

/**
 * Every answer carries the security headers, whoever produced it: pages, static files, monitoring, downloads,
 * redirects, error pages, and requests refused before the application saw them. HSTS and the {@code Secure}
 * cookie only in production (which runs behind HTTPS): the {@code OnPostgres} subclass checks those.
 */
class SecurityHeadersIntegrationTests extends TresorIntegrationTest {

	/** Signed out: what anyone on the internet can ask for. */
	static final List<String> PUBLIC = List.of("/", "/login", "/submit/info", "/css/tresor.css", "/js/upload.js",
			"/inbox", "/no-such-page", "/submit/t/" + "A".repeat(43), "/actuator/health", "/actuator/prometheus",
			"/inbox;x=1", "/a%00b", "/%2e%2e/etc/passwd");

	/** Signed in: pages, a download, error pages. */
	static final List<String> SIGNED_IN = List.of("/inbox", "/account", "/account/public-key", "/admin/users",
			"/outbox/new", "/no-such-page", "/inbox/not-a-number", FailingController.PATH);

	@Autowired
	Environment environment;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void everyAnswerToAVisitorCarriesTheSecurityHeaders() throws Exception {
		for (var path : PUBLIC) {
			var answer = http.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
					HttpResponse.BodyHandlers.discarding());
			var headers = answer.headers();
			assertSecurityHeaders(path + " (" + answer.statusCode() + ")", name -> headers.firstValue(name).orElse(null));
		}
	}

	@Test
	void everyAnswerToASignedInUserCarriesTheSecurityHeaders() throws Exception {
		try (var browser = browser()) {
			AccountFixtures.logIn(browser, url("/login"), AccountFixtures.administrator(context, this::local));
			browser.getOptions().setRedirectEnabled(false);
			for (var path : SIGNED_IN) {
				WebResponse answer = browser.getPage(url(path)).getWebResponse();
				assertSecurityHeaders(path + " (" + answer.getStatusCode() + ")", answer::getResponseHeaderValue);
			}
		}
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
		var answer = http.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
				HttpResponse.BodyHandlers.discarding());
		var cookie = answer.headers().allValues("Set-Cookie").stream()
			.filter(value -> value.startsWith("JSESSIONID=") || value.startsWith("SESSION="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie: " + answer.headers().map()));
		assertThat(cookie).containsIgnoringCase("; HttpOnly").containsPattern("(?i); SameSite=(Lax|Strict)");
		if (production()) {
			assertThat(cookie).containsIgnoringCase("; Secure");
		}
		else {
			assertThat(cookie).doesNotContainIgnoringCase("; Secure");
		}
	}

	/** The pages allow scripts and styles only as files from this server: no inline code can run. */
	@Test
	void theContentSecurityPolicyAllowsNoInlineCode() throws Exception {
		var policy = http.send(HttpRequest.newBuilder(URI.create(url("/submit/info"))).build(),
				HttpResponse.BodyHandlers.discarding()).headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(policy).contains("default-src 'self'").contains("frame-ancestors 'none'")
			.contains("object-src 'none'").contains("base-uri 'none'").contains("form-action 'self'")
			.doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").doesNotContain("script-src")
			.doesNotContain("style-src").doesNotContain("*");
	}

	private boolean production() {
		return environment.acceptsProfiles(Profiles.of("prod"));
	}

	private void assertSecurityHeaders(String what, java.util.function.Function<String, String> header) {
		assertThat(header.apply("Content-Security-Policy")).as(what).contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline");
		assertThat(header.apply("Referrer-Policy")).as(what).isEqualTo("no-referrer");
		assertThat(header.apply("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
		assertThat(header.apply("X-Frame-Options")).as(what).isEqualTo("DENY");
		if (production()) {
			assertThat(header.apply("Strict-Transport-Security")).as(what).startsWith("max-age=31536000");
		}
		else {
			assertThat(header.apply("Strict-Transport-Security")).as(what).isNull();
		}
	}

	private static WebClient browser() throws IOException {
		var browser = new WebClient();
		browser.getOptions().setJavaScriptEnabled(false);
		browser.getOptions().setCssEnabled(false);
		browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
		browser.getOptions().setPrintContentOnFailingStatusCode(false);
		return browser;
	}
}

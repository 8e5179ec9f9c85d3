package org.tresor.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.UUID;

import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.tresor.RateLimitedIntegrationTest;
import org.tresor.account.AccountFixtures;

/** Over a limit, a person sees a page in their language that says when to try again, and the status says so too. */
class TooManyAttemptsPageIntegrationTests extends RateLimitedIntegrationTest {

	@Test
	void saysInEnglishWhenToTryAgain() throws IOException {
		var refused = requestTicketsUntilRefused("en");
		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(429);
		assertThat(Long.parseLong(refused.getWebResponse().getResponseHeaderValue("Retry-After"))).isBetween(1170L, 1200L);
		var text = ((HtmlPage) refused).asNormalizedText();
		assertThat(text).contains("Too many attempts").contains("Please try again in 20 minute(s), from ");
		assertThat(text).doesNotContain("Exception").doesNotContain("Limit").containsPattern("Error reference: [A-Z0-9]{4}-[A-Z0-9]{4}");
	}

	@Test
	void saysInGermanWhenToTryAgain() throws IOException {
		var refused = requestTicketsUntilRefused("de");
		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(429);
		assertThat(((HtmlPage) refused).asNormalizedText()).contains("Zu viele Versuche")
			.contains("Bitte versuchen Sie es in 20 Minute(n) wieder, ab ");
	}

	@Test
	void answersARefusedLoginTheSameWay() throws IOException {
		var email = "locked-" + UUID.randomUUID() + "@example.org";
		try (var browser = browser("en")) {
			Page page = null;
			for (int i = 0; i <= WRONG_PASSWORDS_PER_ACCOUNT; i++) {
				HtmlPage login = browser.getPage(url("/login"));
				AccountFixtures.type(login, "email", email);
				AccountFixtures.type(login, "password", "wrong password");
				page = AccountFixtures.press(login, "password");
			}
			assertThat(page.getWebResponse().getStatusCode()).isEqualTo(429);
			assertThat(((HtmlPage) page).asNormalizedText()).contains("Please try again in 20 minute(s)");
		}
	}

	private Page requestTicketsUntilRefused(String language) throws IOException {
		try (var browser = browser(language)) {
			Page page = null;
			for (int i = 0; i <= TICKETS_PER_ADDRESS; i++) {
				HtmlPage form = browser.getPage(url("/submit/info"));
				AccountFixtures.type(form, "email", "client-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
				page = AccountFixtures.press(form, "email");
			}
			return page;
		}
	}

	/** A browser behind the trusted proxy, as a client of its own. */
	private static WebClient browser(String language) {
		var browser = new WebClient();
		browser.getOptions().setJavaScriptEnabled(false);
		browser.getOptions().setCssEnabled(false);
		browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
		browser.addRequestHeader("Accept-Language", language);
		browser.addRequestHeader("X-Forwarded-For", someAddress());
		return browser;
	}
}

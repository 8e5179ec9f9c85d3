package org.tresor.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.UUID;

import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.Test;
import org.tresor.Browsers;
import org.tresor.RateLimitedIntegrationTest;
import org.tresor.TestMailServer;
import org.tresor.account.AccountFixtures;

/**
 * Opening a submission in the inbox is a SecuPass entry like any other: wrong ones lock the account. The
 * administrator's SecuPass stays locked afterwards; no other test of this context uses the administrator.
 */
class InboxSecuPassLockoutIntegrationTests extends RateLimitedIntegrationTest {

	@Test
	void wrongSecuPassesLockTheInboxAndTheRightOneIsRefusedWithThePage() throws IOException {
		var admin = AccountFixtures.administrator(context, this::local);
		var reference = submission();
		try (var staff = browser()) {
			AccountFixtures.logIn(staff, url("/login"), admin);
			HtmlPage details = staff.getPage(local(TestMailServer.link(MAIL.await(admin.email(), reference),
					PUBLIC_BASE_URL + "/inbox/")));
			for (int i = 0; i < WRONG_SECUPASSES_PER_ACCOUNT; i++) {
				var refused = open(details, "not my SecuPass " + i);
				assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
			}
			var locked = open(details, admin.secuPass());
			assertThat(locked.getWebResponse().getStatusCode()).isEqualTo(429);
			assertThat(((HtmlPage) locked).asNormalizedText()).contains("Too many attempts")
				.contains("Please try again in 20 minute(s)")
				.doesNotContain("just text");
		}
	}

	private String submission() throws IOException {
		var sender = "client-" + UUID.randomUUID() + "@example.org";
		try (var client = browser()) {
			HtmlPage request = client.getPage(url("/submit/info"));
			((HtmlInput) request.getHtmlElementById("email")).type(sender);
			press(request, "Request ticket");
			HtmlPage form = client.getPage(local(TestMailServer.link(MAIL.await(sender, ""), PUBLIC_BASE_URL + "/submit/t/")));
			((HtmlTextArea) form.getHtmlElementById("message")).setText("just text");
			var sent = (HtmlPage) press(form, "Send now");
			return sent.getHtmlElementById("reference").asNormalizedText();
		}
	}

	private static Page open(HtmlPage details, String secuPass) throws IOException {
		((HtmlInput) details.getHtmlElementById("secuPass")).setValue(secuPass);
		return press(details, "Open");
	}

	private static Page press(HtmlPage page, String label) throws IOException {
		var buttons = page.getByXPath("//button[normalize-space(.)='" + label + "']");
		assertThat(buttons).as("button '" + label + "'").isNotEmpty();
		return ((HtmlButton) buttons.get(0)).click();
	}

	/** A browser behind the trusted proxy, as a client of its own. */
	private static WebClient browser() {
		var browser = Browsers.browser();
		browser.addRequestHeader("X-Forwarded-For", someAddress());
		return browser;
	}
}

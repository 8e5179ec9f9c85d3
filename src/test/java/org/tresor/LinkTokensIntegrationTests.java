package org.tresor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tresor.AtOnce.atOnce;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tresor.account.AccountFixtures;
import org.tresor.kernel.LinkToken;

/**
 * Mailed links (tickets, set-up links) give nothing away: a forged, malformed, used or expired one gets the
 * same 404 page, and a link used twice at once works exactly once.
 */
class LinkTokensIntegrationTests extends TresorIntegrationTest {

	static final String PASSWORD = "a long enough password";

	static final String SECUPASS = "Race-SecuPass-93!";

	final List<WebClient> browsers = new ArrayList<>();

	@AfterEach
	void reset() {
		browsers.forEach(WebClient::close);
		clock.reset();
	}

	@Test
	void unusableTicketLinksAllGetTheSame404Page() throws Exception {
		AccountFixtures.administrator(context, this::local);
		var used = ticketLink();
		var usedPage = (HtmlPage) browser().getPage(used);
		((org.htmlunit.html.HtmlTextArea) usedPage.getHtmlElementById("message")).setText("first and only");
		((org.htmlunit.html.HtmlButton) usedPage.getFirstByXPath("//button[normalize-space(.)='Send now']")).click();
		var expired = ticketLink();
		clock.advance(Duration.ofHours(25));

		assertAllTheSame404(List.of(url("/submit/t/" + LinkToken.random().value()), url("/submit/t/too-short"),
				url("/submit/t/" + "!".repeat(43)), used, expired));
	}

	@Test
	void unusableSetupLinksAllGetTheSame404Page() throws Exception {
		var used = setupLink(invite());
		activate(used, browser());
		var expired = setupLink(invite());
		clock.advance(Duration.ofDays(8));

		assertAllTheSame404(List.of(url("/account/setup/" + LinkToken.random().value()), url("/account/setup/x"),
				used, expired));
	}

	@Test
	void setupLinkUsedTwiceAtOnceActivatesTheAccountOnce() throws Exception {
		var address = invite();
		var link = setupLink(address);
		var first = browser();
		var second = browser();
		HtmlPage firstPage = first.getPage(link);
		HtmlPage secondPage = second.getPage(link);
		var path = link.substring(url("").length());
		var fields = Map.of("password", PASSWORD, "passwordRepeated", PASSWORD, "secuPass", SECUPASS, "secuPassRepeated",
				SECUPASS);
		var http = new RawHttp(port);

		var statuses = atOnce(() -> http.postFrom(first, firstPage, path, fields).status(),
				() -> http.postFrom(second, secondPage, path, fields).status());

		assertThat(statuses).containsExactlyInAnyOrder(302, 404);
		assertThat(jdbc.queryForObject("select count(*) from audit_entries where action = 'ACCOUNT_ACTIVATED'"
				+ " and actor = ?", Integer.class, address)).isOne();
		assertThat(jdbc.queryForObject("select count(*) from setup_links s join users u on u.id = s.user_id"
				+ " where u.email = ? and s.used_at is null", Integer.class, address)).isZero();
	}

	/** Word for word, but for the error reference every error page gets afresh. */
	void assertAllTheSame404(List<String> links) throws IOException {
		String expected = null;
		for (var link : links) {
			var page = (HtmlPage) browser().getPage(link);
			assertThat(page.getWebResponse().getStatusCode()).as(link).isEqualTo(404);
			var text = page.asNormalizedText().replaceAll("\\b[2-9A-Z]{4}-[2-9A-Z]{4}\\b", "REFERENCE");
			assertThat(text).doesNotContain("Exception");
			if (expected == null) {
				expected = text;
			}
			assertThat(text).as(link).isEqualTo(expected);
		}
	}

	String ticketLink() throws IOException {
		var address = "token-" + UUID.randomUUID() + "@example.org";
		HtmlPage page = browser().getPage(url("/submit/info"));
		((HtmlInput) page.getHtmlElementById("email")).type(address);
		((org.htmlunit.html.HtmlButton) page.getFirstByXPath("//button[normalize-space(.)='Request ticket']")).click();
		return local(TestMailServer.link(MAIL.await(address, ""), PUBLIC_BASE_URL + "/submit/t/"));
	}

	String invite() throws IOException {
		var admin = browser();
		AccountFixtures.logIn(admin, url("/login"), AccountFixtures.administrator(context, this::local));
		var address = "setup-" + UUID.randomUUID() + "@example.org";
		HtmlPage users = admin.getPage(url("/admin/users"));
		var invited = new RawHttp(port).postFrom(admin, users, "/admin/users", Map.of("email", address, "language", "en"));
		assertThat(invited.status()).isEqualTo(302);
		return address;
	}

	String setupLink(String address) {
		return local(TestMailServer.link(MAIL.await(address, "/account/setup/"), PUBLIC_BASE_URL + "/account/setup/"));
	}

	void activate(String link, WebClient browser) throws IOException {
		HtmlPage page = browser.getPage(link);
		var done = new RawHttp(port).postFrom(browser, page, link.substring(url("").length()), Map.of("password",
				PASSWORD, "passwordRepeated", PASSWORD, "secuPass", SECUPASS, "secuPassRepeated", SECUPASS));
		assertThat(done.status()).isEqualTo(302);
	}

	WebClient browser() {
		var browser = Browsers.browser();
		browsers.add(browser);
		return browser;
	}
}

package org.tresor.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.tresor.account.AccountFixtures;

/**
 * A ticket request tells nobody whether an address is known: staff, a former sender or a stranger get the same
 * status, the same redirect and the same page. Every well-formed address gets a ticket the same way (one row
 * and one queued event in one transaction); the mail goes out afterwards, apart from the request.
 */
class TicketRequestAnswersIntegrationTests extends SubmissionIntegrationTest {

	@Test
	void areTheSameForKnownAndUnknownAddresses() throws IOException {
		var staffMember = AccountFixtures.administrator(context, this::local).email();
		var formerSender = sender();
		ticketLink(formerSender);

		var forStaff = request(staffMember);
		var forFormerSender = request(formerSender);
		var forStranger = request(sender());

		for (var answer : new Answer[] { forFormerSender, forStranger }) {
			assertThat(answer.status()).isEqualTo(forStaff.status()).isEqualTo(302);
			assertThat(answer.location()).isEqualTo(forStaff.location()).endsWith("/submit/info/requested");
			assertThat(answer.body()).isEqualTo(forStaff.body());
			assertThat(answer.page()).isEqualTo(forStaff.page());
		}
	}

	record Answer(int status, String location, String body, String page) {
	}

	private Answer request(String email) throws IOException {
		try (var browser = browser()) {
			browser.getOptions().setRedirectEnabled(false);
			HtmlPage form = browser.getPage(url("/submit/info"));
			((HtmlInput) form.getHtmlElementById("email")).type(email);
			WebResponse response = press(form, "Request ticket").getWebResponse();
			var location = response.getResponseHeaderValue("Location");
			HtmlPage page = browser.getPage(url(location.replaceFirst("^https?://[^/]+", "")));
			return new Answer(response.getStatusCode(), location, response.getContentAsString(),
					page.getWebResponse().getContentAsString());
		}
	}
}

package org.tresor.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tresor.TresorIntegrationTest;

/**
 * SMTP down: the person asking for a ticket is answered at once; the mail goes out once SMTP is back,
 * retried by the event publication registry, exactly once.
 */
class MailOutageIntegrationTests extends TresorIntegrationTest {

	@AfterEach
	void mailServerRunning() {
		MAIL.start();
	}

	@Test
	void ticketMailGoesOutExactlyOnceAfterSmtpReturns() throws Exception {
		var sender = "outage-" + UUID.randomUUID() + "@example.org";
		MAIL.stop();

		try (var browser = new WebClient()) {
			browser.getOptions().setJavaScriptEnabled(false);
			browser.addRequestHeader("Accept-Language", "en");
			HtmlPage page = browser.getPage(url("/submit/info"));
			((HtmlInput) page.getHtmlElementById("email")).type(sender);
			HtmlPage requested = ((HtmlButton) page.getFirstByXPath("//button[@type='submit' or not(@type)]")).click();
			assertThat(requested.getWebResponse().getStatusCode()).isEqualTo(200);
			assertThat(requested.asNormalizedText()).contains("Please check your mailbox");
		}
		await("the first attempt failed", () -> publications(sender, "FAILED") + publications(sender, "RESUBMITTED") > 0);
		MAIL.start();

		var mail = MAIL.await(sender, "");
		assertThat(mail.getSubject()).isEqualTo("Your link for secure submission");
		await("the publication completed", () -> publications(sender, null) == 0);
		Thread.sleep(3000); // several retry rounds (every second in the tests) must not send it again
		assertThat(MAIL.to(sender)).hasSize(1);
	}

	/** Publications whose event mentions {@code marker}, in {@code status} (any if null). */
	int publications(String marker, String status) {
		return jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?"
				+ (status == null ? "" : " and status = '" + status + "'"), Integer.class, "%" + marker + "%");
	}

	static void await(String what, BooleanSupplier condition) throws InterruptedException {
		var deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("waiting until " + what).isBefore(deadline);
			Thread.sleep(50);
		}
	}
}

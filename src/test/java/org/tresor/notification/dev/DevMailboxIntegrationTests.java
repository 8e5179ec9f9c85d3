package org.tresor.notification.dev;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.tresor.notification.NotificationIntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WithMockUser
class DevMailboxIntegrationTests extends NotificationIntegrationTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	JavaMailSender mailSender;

	@Autowired
	DevMailbox mailbox;

	@Test
	void listsReceivedMailsWithClickableLinksForLocalRequests() throws Exception {
		send("dev@example.org", "Hallo <Welt>", "Bitte hier klicken: https://tresor.example.org/submit/t/abc.\n<b>kein HTML</b>");

		mvc.perform(get("/dev/mailbox").header("Accept-Language", "de"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Dev-Postfach")))
				.andExpect(content().string(containsString("dev@example.org")))
				.andExpect(content().string(containsString("Hallo &lt;Welt&gt;")))
				.andExpect(content().string(containsString(
						"<a href=\"https://tresor.example.org/submit/t/abc\">https://tresor.example.org/submit/t/abc</a>.")))
				.andExpect(content().string(containsString("&lt;b&gt;kein HTML&lt;/b&gt;")));
	}

	@Test
	void showsTheNewestMailFirst() throws Exception {
		send("first@example.org", "First", "one");
		send("second@example.org", "Second", "two");

		mvc.perform(get("/dev/mailbox"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Second</h2>")))
				.andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*Second</h2>.*First</h2>.*")));
	}

	@Test
	void keepsOnlyTheNewestMailsUpToItsCapacity() throws Exception {
		send("capacity@example.org", "Oldest", "one");
		send("capacity@example.org", "Older", "two");
		send("capacity@example.org", "Newest", "three");

		assertThat(mailbox.forgetAllButNewest(2)).isEqualTo(1);

		mvc.perform(get("/dev/mailbox"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Newest</h2>")))
				.andExpect(content().string(containsString("Older</h2>")))
				.andExpect(content().string(not(containsString("Oldest</h2>"))));
		assertThat(mailbox.forgetAllButNewest(2)).as("nothing beyond the capacity").isZero();
	}

	@Test
	void speaksEnglish() throws Exception {
		mvc.perform(get("/dev/mailbox").header("Accept-Language", "en"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Dev mailbox")))
				.andExpect(content().string(containsString("No mails yet.")));
	}

	@Test
	void showsTheDevelopmentBanner() throws Exception {
		mvc.perform(get("/dev/mailbox"))
				.andExpect(model().attribute("devMode", true))
				.andExpect(content().string(containsString("dev-banner")));
	}

	@Test
	void doesNotExistForRemoteRequests() throws Exception {
		send("secret@example.org", "Secret", "https://tresor.example.org/account/setup/secret-token");

		mvc.perform(get("/dev/mailbox").with(request -> {
			request.setRemoteAddr("10.1.2.3");
			return request;
		})).andExpect(status().isNotFound()).andExpect(content().string(not(containsString("secret-token"))));
	}

	@Test
	void doesNotExistForForwardedRequests() throws Exception {
		mvc.perform(get("/dev/mailbox").header("X-Forwarded-For", "203.0.113.7")).andExpect(status().isNotFound());
	}

	@Test
	void doesNotExistForAProxySettingOnlyXRealIp() throws Exception {
		mvc.perform(get("/dev/mailbox").header("X-Real-IP", "203.0.113.7")).andExpect(status().isNotFound());
	}

	@Test
	void doesNotExistForAnotherHostNameReboundToThisMachine() throws Exception {
		send("secret@example.org", "Secret", "https://tresor.example.org/account/setup/secret-token");

		mvc.perform(get("/dev/mailbox").header("Host", "rebound.example.org:8080"))
				.andExpect(status().isNotFound())
				.andExpect(content().string(not(containsString("secret-token"))));
	}

	@Test
	void answersLocalhostWithAPort() throws Exception {
		mvc.perform(get("/dev/mailbox").header("Host", "localhost:8080")).andExpect(status().isOk());
	}

	private void send(String to, String subject, String text) {
		var mail = new SimpleMailMessage();
		mail.setFrom("tresor@example.org");
		mail.setTo(to);
		mail.setSubject(subject);
		mail.setText(text);
		mailSender.send(mail);
	}
}

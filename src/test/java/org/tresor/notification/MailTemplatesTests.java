package org.tresor.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.tresor.kernel.OrganisationProperties;

import static org.assertj.core.api.Assertions.assertThat;

class MailTemplatesTests {

	final MailTemplates templates = new MailTemplates(messages(), new OrganisationProperties("Kanzlei Beispiel", null));

	final Recipient to = Recipient.parse("client@example.org").orElseThrow();

	@Test
	void rendersSubjectTextAndHtmlFromTheBundle() {
		var rendered = templates.render(ticket(Locale.GERMAN, "Beratung"));

		assertThat(rendered.subject()).isEqualTo("Ihr Link zum sicheren Versand");
		assertThat(rendered.text()).startsWith("Guten Tag,").contains("https://tresor.example.org/submit/t/t1")
				.contains("„Beratung“").doesNotContain("<", "[[", "th:insert");
		assertThat(rendered.text()).contains("vom sicheren Dokumentenaustausch von Kanzlei Beispiel versandt");
		assertThat(rendered.html()).contains("lang=\"de\"", "href=\"https://tresor.example.org/submit/t/t1\"")
				.contains("<span>Kanzlei Beispiel</span>")
				.doesNotContain("th:text", "xmlns:th");
	}

	@Test
	void escapesUserDataInHtml() {
		var rendered = templates.render(ticket(Locale.ENGLISH, "<script>alert(1)</script>"));

		assertThat(rendered.html()).doesNotContain("<script>").contains("&lt;script&gt;");
	}

	@Test
	void keepsTheSubjectOnOneLine() {
		var mail = new Mail(MailType.NEW_SUBMISSION, to, Locale.ENGLISH, Map.of("boxName", "x", "link", "l",
				"reference", "r", "senderEmail", "s", "receivedAt", "t"), List.of("Box\r\nBcc: x@evil"));

		assertThat(templates.render(mail).subject()).isEqualTo("New submission in box Box Bcc: x@evil");
	}

	@Test
	void rendersEveryMailInBothLanguages() {
		var variables = Map.<String, Object>of("boxName", "Beratung", "link", "https://tresor.example.org/x",
				"reference", "K7Q", "senderEmail", "s@example.org", "receivedAt", "heute", "expiresAt", "morgen");
		for (var type : MailType.values()) {
			for (var locale : Mail.LANGUAGES) {
				var rendered = templates.render(new Mail(type, to, locale, variables, List.of("Beratung")));
				assertThat(rendered.subject()).isNotBlank().doesNotContain("??");
				assertThat(rendered.text()).isNotBlank().doesNotContain("??");
				assertThat(rendered.html()).contains("</html>").doesNotContain("??");
			}
		}
	}

	private Mail ticket(Locale locale, String boxName) {
		return new Mail(MailType.TICKET, to, locale, Map.of("boxName", boxName,
				"link", "https://tresor.example.org/submit/t/t1", "expiresAt", "15.01.2030"), List.of());
	}

	static ResourceBundleMessageSource messages() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/common", "messages/notification");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}
}

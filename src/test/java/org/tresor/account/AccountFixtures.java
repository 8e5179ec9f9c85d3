package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.springframework.context.ApplicationContext;

/**
 * Full-stack tests need an administrator. The first one is created the way a newcomer does it: through the
 * one-time {@code /setup/{token}} page, in a browser. Once per application context.
 */
public final class AccountFixtures {

	public record Credentials(String email, String password, String secuPass) {
	}

	/** By context instance: every context of the application has the same id, its name. */
	private static final Map<ApplicationContext, Credentials> ADMINISTRATORS = new ConcurrentHashMap<>();

	private AccountFixtures() {
	}

	/** The administrator of this application, created on first use. {@code local} maps public links to the test server. */
	public static Credentials administrator(ApplicationContext context, UnaryOperator<String> local) {
		return ADMINISTRATORS.computeIfAbsent(context, key -> createAdministrator(context, local));
	}

	private static Credentials createAdministrator(ApplicationContext context, UnaryOperator<String> local) {
		var token = context.getBean(FirstAdministrator.class).offerLink()
			.orElseThrow(() -> new IllegalStateException("An administrator exists already"));
		// one address per application: the test SMTP server is shared, so mails must not be mistaken for another's
		var credentials = new Credentials("admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
				"admin password 1234", "Admin-SecuPass-1!");
		var link = local.apply(context.getBean(org.tresor.kernel.TresorProperties.class).link("/setup/" + token.value()));
		try (var browser = new WebClient()) {
			browser.getOptions().setJavaScriptEnabled(false);
			browser.getOptions().setCssEnabled(false);
			HtmlPage page = browser.getPage(link);
			type(page, "email", credentials.email());
			type(page, "password", credentials.password());
			type(page, "passwordRepeated", credentials.password());
			type(page, "secuPass", credentials.secuPass());
			type(page, "secuPassRepeated", credentials.secuPass());
			var done = submit(page, "secuPassRepeated");
			assertThat(done.getWebResponse().getStatusCode()).isEqualTo(200);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return credentials;
	}

	/** Logs {@code browser} in through the login page. */
	public static void logIn(WebClient browser, String loginUrl, Credentials credentials) throws IOException {
		HtmlPage page = browser.getPage(loginUrl);
		type(page, "email", credentials.email());
		type(page, "password", credentials.password());
		var after = submit(page, "password");
		assertThat(after.getUrl().getPath()).as("after login").doesNotStartWith("/login");
	}

	public static void type(HtmlPage page, String id, String value) {
		((HtmlInput) page.getHtmlElementById(id)).setValue(value);
	}

	/** Presses the submit button of the form that holds field {@code id}, expecting a page back. */
	public static HtmlPage submit(HtmlPage page, String id) throws IOException {
		return (HtmlPage) press(page, id);
	}

	/** Presses the submit button of the form that holds field {@code id}; the answer may be a download. */
	public static Page press(HtmlPage page, String id) throws IOException {
		HtmlElement field = page.getHtmlElementById(id);
		var form = field.getEnclosingForm();
		var button = form.getFirstByXPath(".//button[not(@type) or @type='submit']");
		return ((HtmlButton) button).click();
	}
}

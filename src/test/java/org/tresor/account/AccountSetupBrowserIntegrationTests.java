package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.tresor.Browser;
import org.tresor.Browser.Viewport;
import org.tresor.TestMailServer;
import org.tresor.TresorIntegrationTest;

/**
 * The set-up page in a real browser (headless Chromium), reached the way a new staff member reaches it: an
 * administrator invites them, they open the mailed link and choose password and SecuPass, each twice. A
 * mismatch is shown next to its field. German and English, desktop and a 360 px phone; screenshots of each
 * step in {@code target/screenshots}.
 */
class AccountSetupBrowserIntegrationTests extends TresorIntegrationTest {

	static final String PASSWORD = "staff password 1234";

	static final String SECUPASS = "Staff-SecuPass-42!";

	@RegisterExtension
	static final Browser browser = Browser.shared();

	@Autowired
	MessageSource messages;

	AccountFixtures.Credentials admin;

	@BeforeEach
	void administratorExists() {
		admin = AccountFixtures.administrator(context, this::local);
	}

	static Stream<Arguments> languagesAndViewports() {
		return Stream.of(Locale.GERMAN, Locale.ENGLISH)
			.flatMap(language -> Stream.of(Viewport.values()).map(viewport -> Arguments.of(language, viewport)));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("languagesAndViewports")
	void invitedStaffMemberChoosesPasswordAndSecuPass(Locale language, Viewport viewport) {
		var shot = "setup-" + language.getLanguage() + "-" + viewport.label() + "-";
		var lang = language.getLanguage();
		var staff = "staff-" + UUID.randomUUID() + "@example.org";
		browser.use(viewport);

		browser.open(url("/login"));
		browser.clickToNavigate(browser.byId("lang-" + lang));
		logIn(admin.email(), admin.password());
		browser.open(url("/admin/users"));
		browser.type("email", staff);
		new Select(browser.byId("language")).selectByValue(lang);
		browser.clickToNavigate(browser.find("main form button[type=submit]"));
		assertThat(browser.find(".flash").getText()).isEqualTo(text("account.users.invited", language, staff));
		browser.assertNoHorizontalScrolling();
		browser.screenshot(shot + "01-invitation-sent");

		var mail = MAIL.await(staff, "");
		var link = local(TestMailServer.link(mail, PUBLIC_BASE_URL + "/account/setup/"));
		browser.reset();
		browser.use(viewport);
		browser.open(link);
		browser.clickToNavigate(browser.byId("lang-" + lang));
		assertThat(browser.find("h1").getText()).isEqualTo(text("account.setup.title", language));
		browser.assertNoHorizontalScrolling();
		browser.screenshot(shot + "02-setup-form");

		browser.type("password", PASSWORD);
		browser.type("passwordRepeated", PASSWORD + " typo");
		browser.type("secuPass", SECUPASS);
		browser.type("secuPassRepeated", SECUPASS.toLowerCase(Locale.ROOT));
		browser.clickToNavigate(browser.find("main form button[type=submit]"));
		assertErrorNextToField("passwordRepeated", text("account.error.password.mismatch", language));
		assertErrorNextToField("secuPassRepeated", text("account.error.secuPass.mismatch", language));
		assertThat(browser.byId("password").getDomAttribute("aria-invalid")).isEqualTo("false");
		browser.assertNoHorizontalScrolling();
		browser.screenshot(shot + "03-mismatch-shown");

		browser.type("password", PASSWORD);
		browser.type("passwordRepeated", PASSWORD);
		browser.type("secuPass", SECUPASS);
		browser.type("secuPassRepeated", SECUPASS);
		browser.clickToNavigate(browser.find("main form button[type=submit]"));
		assertThat(browser.path()).isEqualTo("/login");
		assertThat(browser.find(".flash").getText()).isEqualTo(text("account.setup.done", language));
		browser.screenshot(shot + "04-set-up");

		logIn(staff, PASSWORD);
		assertThat(browser.path()).isEqualTo("/inbox");
		assertThat(browser.find("h1").getText()).isEqualTo(text("inbox.title", language));
	}

	/** The message sits in the field's own block, right below the input, and the input points to it. */
	void assertErrorNextToField(String field, String message) {
		var input = browser.byId(field);
		var error = browser.byId(field + "-error");
		assertThat(error.getText()).isEqualTo(message);
		assertThat(error.isDisplayed()).isTrue();
		assertThat(input.getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(input.getDomAttribute("aria-describedby")).contains(field + "-error");
		assertThat(error.findElement(By.xpath("preceding-sibling::input[1]")).getDomAttribute("id")).isEqualTo(field);
	}

	void logIn(String email, String password) {
		browser.open(url("/login"));
		browser.type("email", email);
		browser.type("password", password);
		browser.clickToNavigate(browser.find("main form button[type=submit]"));
	}

	String text(String key, Locale language, Object... arguments) {
		return messages.getMessage(key, arguments, language);
	}
}

package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.tresor.Browser;
import org.tresor.Browser.Viewport;
import org.tresor.TestMailServer;
import org.tresor.TresorIntegrationTest;
import org.tresor.crypto.SecuPass;
import org.tresor.kernel.LinkToken;

/**
 * The second factor in a real browser (headless Chromium), as a staff member meets it: enrol an authenticator app
 * from the account page (the QR code shown, the key as text, one code to confirm), keep the recovery codes, then
 * sign in with password and code, and once with a recovery code. The test plays the app with the clock of the
 * application. Each page passes the accessibility check; screenshots in {@code target/screenshots}.
 */
class SecondFactorBrowserIntegrationTests extends TresorIntegrationTest {

	static final String PASSWORD = "staff password 1234";

	@RegisterExtension
	static final Browser browser = Browser.shared();

	@Autowired
	MessageSource messages;

	@Autowired
	TotpCodes totp;

	@ParameterizedTest
	@ValueSource(strings = { "de", "en" })
	void aStaffMemberEnrolsAnAppThenSignsInWithACodeAndOnceWithARecoveryCode(String lang) {
		var language = Locale.forLanguageTag(lang);
		var shot = "second-factor-" + lang + "-";
		var staff = staffMember(lang);
		browser.use(Viewport.DESKTOP);

		logIn(staff, lang);
		browser.open(url("/account"));
		browser.clickToNavigate(browser.find("main form[action='/account/second-factor/setup'] button"));
		assertThat(browser.find("h1").getText()).isEqualTo(text("account.secondFactor.setup.title", language));
		assertThat((Long) browser.script("return document.querySelector('main img').naturalWidth;"))
			.as("the QR code is shown").isGreaterThan(100L);
		var secret = browser.byId("secret").getText().replace(" ", "");
		check(shot + "01-setup");

		browser.type("code", "000000");
		browser.clickToNavigate(browser.find("main form button[type=submit]"));
		assertThat(browser.byId("code-error").getText()).isEqualTo(text("account.error.secondFactor.wrongCode", language));
		check(shot + "02-setup-wrong-code");
		browser.type("code", totp.code(secret, 0));
		browser.clickToNavigate(browser.find("main form button[type=submit]"));
		var codes = browser.findAll("ol.recovery-codes code").stream().map(WebElement::getText).toList();
		assertThat(codes).hasSize(10).doesNotHaveDuplicates();
		check(shot + "03-recovery-codes");

		browser.reset();
		browser.use(Viewport.DESKTOP);
		logIn(staff, lang);
		assertThat(browser.path()).isEqualTo("/login/second-factor");
		assertThat(browser.find("h1").getText()).isEqualTo(text("account.secondFactor.signIn.title", language));
		check(shot + "04-sign-in");
		browser.type("code", totp.code(secret, 1));
		browser.clickToNavigate(browser.find("main form button[type=submit]"));
		assertThat(browser.path()).isEqualTo("/inbox");

		browser.reset();
		browser.use(Viewport.PHONE);
		logIn(staff, lang);
		browser.type("recoveryCode", codes.get(0));
		browser.clickToNavigate(browser.find("main form.recovery button[type=submit]"));
		assertThat(browser.path()).isEqualTo("/inbox");
	}

	/** Invited and set up through the services, as the set-up page's own test does it through the browser. */
	private String staffMember(String lang) {
		var email = "second-factor-" + UUID.randomUUID() + "@example.org";
		context.getBean(Invitations.class).inviteStaff(EmailAddress.of(email), lang);
		var link = TestMailServer.link(MAIL.await(email, "/account/setup/"), PUBLIC_BASE_URL + "/account/setup/");
		var token = LinkToken.parse(link.substring(link.lastIndexOf('/') + 1)).orElseThrow();
		try (var secuPass = SecuPass.of("Staff-SecuPass-42!")) {
			context.getBean(Activations.class).activate(token, PASSWORD, secuPass);
		}
		return email;
	}

	private void logIn(String email, String lang) {
		browser.open(url("/login?lang=" + lang));
		browser.type("email", email);
		browser.type("password", PASSWORD);
		browser.clickToNavigate(browser.find("main form button[type=submit]"));
	}

	private void check(String name) {
		browser.screenshot(name);
		browser.assertNoHorizontalScrolling();
		browser.assertAccessible();
	}

	private String text(String key, Locale language, Object... arguments) {
		return messages.getMessage(key, arguments, language);
	}
}

package org.tresor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tresor.Browser.Viewport;
import org.tresor.account.AccountFixtures;

/**
 * axe-core checks the main pages in a real browser, in the states people meet them (empty, with errors, with
 * content), and finds no serious or critical violation; none of them is wider than the screen. German on a
 * desktop and English on a 360 px phone, so both languages and both layouts are covered. A screenshot of
 * each page goes to {@code target/screenshots}.
 */
class AccessibilityIntegrationTests extends TresorIntegrationTest {

	@RegisterExtension
	static final Browser browser = Browser.shared();

	@TempDir
	Path uploads;

	AccountFixtures.Credentials admin;

	@BeforeEach
	void administratorExists() {
		admin = AccountFixtures.administrator(context, this::local);
	}

	static Stream<Arguments> languagesAndViewports() {
		return Stream.of(Arguments.of(Locale.GERMAN, Viewport.DESKTOP), Arguments.of(Locale.ENGLISH, Viewport.PHONE));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("languagesAndViewports")
	void pagesOfTheExternalSenderAreAccessible(Locale language, Viewport viewport) throws IOException {
		use(language, viewport);
		browser.open(url("/submit/info"));
		check("request-ticket", language, viewport);

		browser.clickToNavigate(browser.find("main form button"));
		check("request-ticket-invalid", language, viewport);

		var sender = "client-" + UUID.randomUUID() + "@example.org";
		browser.type("email", sender);
		browser.clickToNavigate(browser.find("main form button"));
		check("ticket-requested", language, viewport);

		browser.open(local(TestMailServer.link(MAIL.await(sender, ""), PUBLIC_BASE_URL + "/submit/t/")));
		check("form", language, viewport);

		browser.byId("files").sendKeys(file("letter.pdf", 1000));
		browser.byId("files").sendKeys(file("too-large.bin", 3_500_000));
		browser.waitFor(".upload-error");
		check("form-file-over-limit", language, viewport);

		browser.find(".upload-remove").click();
		browser.find("main form button[type=submit]").click();
		browser.waitFor("#rejection");
		check("form-rejected", language, viewport);

		browser.type("message", "Hello");
		browser.find("main form button[type=submit]").click();
		browser.waitFor("#reference");
		check("sent", language, viewport);

		browser.open(url("/submit/t/" + "A".repeat(43)));
		check("not-found", language, viewport);
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("languagesAndViewports")
	void pagesOfStaffAndAdministratorsAreAccessible(Locale language, Viewport viewport) {
		use(language, viewport);
		sendSubmission();
		browser.open(url("/login?error"));
		check("login-failed", language, viewport);

		browser.type("email", admin.email());
		browser.type("password", admin.password());
		browser.clickToNavigate(browser.find("main form button[type=submit]"));
		browser.open(url("/inbox"));
		check("inbox", language, viewport);

		browser.clickToNavigate(browser.find("main table a"));
		check("submission", language, viewport);
		browser.type("secuPass", admin.secuPass());
		browser.clickToNavigate(browser.find("main form button[type=submit]"));
		check("submission-opened", language, viewport);

		for (var page : new String[] { "/account", "/admin/users", "/admin/boxes", "/admin/audit", "/admin/scanning" }) {
			browser.open(url(page));
			check(page.substring(page.lastIndexOf('/') + 1), language, viewport);
		}
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("languagesAndViewports")
	void setupPageWithErrorsIsAccessible(Locale language, Viewport viewport) {
		use(language, viewport);
		browser.open(url("/login"));
		browser.type("email", admin.email());
		browser.type("password", admin.password());
		browser.clickToNavigate(browser.find("main form button[type=submit]"));
		var staff = "staff-" + UUID.randomUUID() + "@example.org";
		browser.open(url("/admin/users"));
		browser.type("email", staff);
		browser.clickToNavigate(browser.find("main form button[type=submit]"));
		var link = local(TestMailServer.link(MAIL.await(staff, ""), PUBLIC_BASE_URL + "/account/setup/"));

		browser.reset();
		use(language, viewport);
		browser.open(link);
		check("setup", language, viewport);

		browser.type("password", "short");
		browser.type("secuPass", "weak");
		browser.clickToNavigate(browser.find("main form button[type=submit]"));
		check("setup-errors", language, viewport);
	}

	/** Stops short of setting a new password: the administrator is shared by every test of this application. */
	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("languagesAndViewports")
	void forgottenPasswordPagesAreAccessible(Locale language, Viewport viewport) {
		use(language, viewport);
		browser.open(url("/login"));
		browser.clickToNavigate(browser.find("a[href='/forgot-password']"));
		check("forgot-password", language, viewport);
		browser.type("email", "not an address");
		browser.clickToNavigate(browser.find("main form button[type=submit]"));
		check("forgot-password-errors", language, viewport);
		var before = MAIL.to(admin.email()).size();
		browser.type("email", admin.email());
		browser.clickToNavigate(browser.find("main form button[type=submit]"));
		check("forgot-password-sent", language, viewport);

		var mail = MAIL.awaitAll(admin.email(), before + 1).get(before);
		browser.open(local(TestMailServer.link(mail, PUBLIC_BASE_URL + "/password-reset/")));
		check("password-reset", language, viewport);
		browser.type("password", "short");
		browser.clickToNavigate(browser.find("main form button[type=submit]"));
		check("password-reset-errors", language, viewport);
		browser.open(url("/password-reset/" + "A".repeat(43)));
		check("password-reset-unusable", language, viewport);
	}

	@Test
	void theCheckFindsAFieldWithoutALabel() {
		browser.open(url("/login"));
		browser.script("document.querySelector('main form').insertAdjacentHTML('beforeend', '<input type=\"text\">');");

		assertThatThrownBy(browser::assertAccessible).isInstanceOf(AssertionError.class)
			.hasMessageContaining("critical label");
	}

	/** No serious violation, nothing wider than the viewport, and a screenshot to look at. */
	void check(String page, Locale language, Viewport viewport) {
		browser.screenshot("page-" + language.getLanguage() + "-" + viewport.label() + "-" + page);
		browser.assertNoHorizontalScrolling();
		browser.assertAccessible();
	}

	/** A submission with a message, so the inbox has something to show. */
	void sendSubmission() {
		var sender = "client-" + UUID.randomUUID() + "@example.org";
		browser.open(url("/submit/info"));
		browser.type("email", sender);
		browser.clickToNavigate(browser.find("main form button"));
		browser.open(local(TestMailServer.link(MAIL.await(sender, ""), PUBLIC_BASE_URL + "/submit/t/")));
		browser.type("message", "Hello");
		browser.find("main form button[type=submit]").click();
		browser.waitFor("#reference");
	}

	/** Chooses the language through the switcher's cookie and the size of the viewport. */
	void use(Locale language, Viewport viewport) {
		browser.use(viewport);
		browser.open(url("/login?lang=" + language.getLanguage()));
	}

	String file(String name, int size) throws IOException {
		return Files.write(uploads.resolve(name), new byte[size]).toString();
	}
}

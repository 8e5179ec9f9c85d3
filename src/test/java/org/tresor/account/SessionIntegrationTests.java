package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tresor.account.AccountFixtures.submit;
import static org.tresor.account.AccountFixtures.type;

import java.io.IOException;
import java.util.UUID;

import org.apache.catalina.Context;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.util.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tresor.Browsers;
import org.tresor.TestMailServer;
import org.tresor.TresorIntegrationTest;
import org.tresor.account.AccountFixtures.Credentials;

/**
 * Sessions: a new id at every sign-in and password change, nothing left of a session after logout, every other
 * session of an account ended by a change of its password, and an idle timeout. The {@code OnPostgres} subclass
 * runs the same with the sessions in the database (the {@code prod} profile). (A disabled account loses its
 * session at the next request: {@code UserAdministrationIntegrationTests}.)
 */
class SessionIntegrationTests extends TresorIntegrationTest {

	private final WebClient one = browser();

	private final WebClient two = browser();

	private Credentials user;

	@BeforeEach
	void staffMember() throws IOException {
		user = inviteStaffMember();
	}

	@AfterEach
	void close() {
		one.close();
		two.close();
	}

	@Test
	void signingInGivesANewSessionIdAndTheOldOneStaysSignedOut() throws IOException {
		one.getPage(url("/login"));
		var before = sessionOf(one);
		AccountFixtures.logIn(one, url("/login"), user);
		assertThat(sessionOf(one)).isNotEqualTo(before);

		useSession(two, before);
		assertThat(two.getPage(url("/account")).getUrl().getPath()).isEqualTo("/login");
	}

	@Test
	void loggingOutEndsTheSessionOnTheServer() throws IOException {
		AccountFixtures.logIn(one, url("/login"), user);
		var session = sessionOf(one);
		HtmlPage account = one.getPage(url("/account"));
		HtmlPage loggedOut = ((HtmlButton) account.getFirstByXPath("//form[contains(@action,'/logout')]//button")).click();
		assertThat(loggedOut.asNormalizedText()).contains("You are logged out.");

		useSession(two, session);
		assertThat(two.getPage(url("/account")).getUrl().getPath()).as("the old session id").isEqualTo("/login");
	}

	@Test
	void changingThePasswordRenewsTheSessionIdAndEndsEveryOtherSessionOfTheAccount() throws IOException {
		AccountFixtures.logIn(one, url("/login"), user);
		AccountFixtures.logIn(two, url("/login"), user);
		var before = sessionOf(one);

		var changed = changePassword(one, user.password(), "a brand new password 42", "a brand new password 42");
		assertThat(changed.getWebResponse().getStatusCode()).isEqualTo(200);
		assertThat(changed.asNormalizedText()).contains("Your password has been changed");
		assertThat(sessionOf(one)).isNotEqualTo(before);
		assertThat(one.getPage(url("/account")).getUrl().getPath()).as("this session goes on").isEqualTo("/account");
		assertThat(two.getPage(url("/account")).getUrl().getPath()).as("the other session ended").isEqualTo("/login");

		try (var three = browser()) {
			HtmlPage login = three.getPage(url("/login"));
			type(login, "email", user.email());
			type(login, "password", user.password());
			assertThat(submit(login, "password").getUrl().toString()).as("the old password").contains("/login?error");
			AccountFixtures.logIn(three, url("/login"),
					new Credentials(user.email(), "a brand new password 42", user.secuPass()));
		}
	}

	@Test
	void aPasswordChangeIsAudited() throws IOException {
		AccountFixtures.logIn(one, url("/login"), user);

		changePassword(one, user.password(), "a brand new password 42", "a brand new password 42");

		assertThat(jdbc.queryForList("select actor from audit_entries where action = 'PASSWORD_CHANGED'", String.class))
			.contains(user.email());
	}

	@Test
	void aWrongCurrentPasswordChangesNothing() throws IOException {
		AccountFixtures.logIn(one, url("/login"), user);
		AccountFixtures.logIn(two, url("/login"), user);

		var refused = changePassword(one, "not my password", "a brand new password 42", "a brand new password 42");
		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(422);
		assertThat(refused.getHtmlElementById("currentPassword-error").asNormalizedText())
			.isEqualTo("The current password is not correct.");
		assertThat(two.getPage(url("/account")).getUrl().getPath()).isEqualTo("/account");
		try (var three = browser()) {
			AccountFixtures.logIn(three, url("/login"), user);
		}
	}

	@Test
	void aNewPasswordTooShortOrNotRepeatedIsRefusedNextToItsField() throws IOException {
		AccountFixtures.logIn(one, url("/login"), user);

		var tooShort = changePassword(one, user.password(), "short", "short");
		assertThat(tooShort.getWebResponse().getStatusCode()).isEqualTo(422);
		assertThat(tooShort.getHtmlElementById("newPassword-error").asNormalizedText()).contains("at least 12");

		var mismatch = changePassword(one, user.password(), "a brand new password 42", "a brand new password 43");
		assertThat(mismatch.getWebResponse().getStatusCode()).isEqualTo(422);
		assertThat(mismatch.getHtmlElementById("newPasswordRepeated-error").asNormalizedText()).contains("do not match");
		try (var three = browser()) {
			AccountFixtures.logIn(three, url("/login"), user);
		}
	}

	@Test
	void aSessionEndsAfterThirtyMinutesWithoutUse() throws IOException {
		AccountFixtures.logIn(one, url("/login"), user);
		assertThat(maxInactiveSeconds(sessionOf(one))).isEqualTo(30 * 60);
	}

	/** As the session store keeps it: Tomcat's memory, or Spring Session's table in production. */
	private int maxInactiveSeconds(String cookie) throws IOException {
		if (inDatabase()) {
			var id = new String(java.util.Base64.getDecoder().decode(cookie), java.nio.charset.StandardCharsets.UTF_8);
			return context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
				.queryForObject("select max_inactive_interval from spring_session where session_id = ?", Integer.class, id);
		}
		var tomcat = ((TomcatWebServer) ((WebServerApplicationContext) context).getWebServer()).getTomcat();
		var session = ((Context) tomcat.getHost().findChildren()[0]).getManager().findSession(cookie);
		assertThat(session).isNotNull();
		return session.getMaxInactiveInterval();
	}

	private boolean inDatabase() {
		return context.getEnvironment().acceptsProfiles(org.springframework.core.env.Profiles.of("prod"));
	}

	private String sessionCookieName() {
		return inDatabase() ? "SESSION" : "JSESSIONID";
	}

	private HtmlPage changePassword(WebClient browser, String current, String next, String repeated) throws IOException {
		HtmlPage account = browser.getPage(url("/account"));
		type(account, "currentPassword", current);
		type(account, "newPassword", next);
		type(account, "newPasswordRepeated", repeated);
		return submit(account, "newPasswordRepeated");
	}

	private String sessionOf(WebClient browser) {
		var cookie = browser.getCookieManager().getCookie(sessionCookieName());
		assertThat(cookie).as("session cookie").isNotNull();
		return cookie.getValue();
	}

	private void useSession(WebClient browser, String id) {
		browser.getCookieManager().clearCookies();
		browser.getCookieManager().addCookie(new Cookie("localhost", sessionCookieName(), id));
	}

	private Credentials inviteStaffMember() throws IOException {
		var staff = new Credentials("session-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
				"staff password 1234", "Staff-SecuPass-9?");
		try (var admin = browser(); var invited = browser()) {
			AccountFixtures.logIn(admin, url("/login"), AccountFixtures.administrator(context, this::local));
			HtmlPage users = admin.getPage(url("/admin/users"));
			type(users, "email", staff.email());
			((HtmlSelect) users.getElementById("language")).setSelectedAttribute("en", true);
			submit(users, "email");
			var link = TestMailServer.link(MAIL.await(staff.email(), "/account/setup/"),
					PUBLIC_BASE_URL + "/account/setup/");
			HtmlPage setup = invited.getPage(local(link));
			type(setup, "password", staff.password());
			type(setup, "passwordRepeated", staff.password());
			type(setup, "secuPass", staff.secuPass());
			type(setup, "secuPassRepeated", staff.secuPass());
			assertThat(submit(setup, "secuPassRepeated").asNormalizedText()).contains("Your access is set up");
		}
		return staff;
	}

	private static WebClient browser() {
		var browser = Browsers.browser();
		browser.getOptions().setPrintContentOnFailingStatusCode(false);
		return browser;
	}
}

package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tresor.Browser;
import org.tresor.account.TestIdentityProvider.Person;

/**
 * Single sign-on through the real redirect flow in Chromium, against a real OpenID provider (Spring Security's
 * authorization server, {@link TestIdentityProvider}) on a port of its own: staff sign in with the provider's login
 * form and out of both; an unverified address, an unknown account and a forged answer are refused with a page that
 * says so, and audited; the provider's administrator group makes administrators; a provider that is down gets a
 * clear page and the password still works.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleSignOnBrowserIntegrationTests extends OwnOriginIntegrationTest {

	private static ConfigurableApplicationContext provider;

	@RegisterExtension
	static final Browser browser = Browser.shared();

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void startProvider() {
		provider = TestIdentityProvider.start(PROVIDER);
	}

	@AfterAll
	static void stopProvider() {
		if (provider != null) {
			provider.close();
		}
	}

	@Test
	@Order(1)
	void staffSignInThroughTheProviderAndOutOfBoth() {
		staffMember(ANNA.email());
		browser.open(url("/login?lang=en"));
		browser.clickToNavigate(browser.find("a[href='/login/sso']"));
		assertThat(browser.driver().getCurrentUrl()).startsWith(PROVIDER.issuer() + "/login");
		signInAtTheProvider(ANNA);

		assertThat(browser.path()).isEqualTo("/inbox");
		assertThat(auditSubjects("USER_SIGNED_IN")).contains("user " + ANNA.email() + " through single sign-on");

		browser.clickToNavigate(browser.find("header form[action='/logout'] button"));
		assertThat(browser.driver().getCurrentUrl()).isEqualTo(ORIGIN + "/login?logout");
		browser.open(url("/inbox"));
		assertThat(browser.path()).isEqualTo("/login");
		browser.clickToNavigate(browser.find("a[href='/login/sso']"));
		assertThat(browser.driver().getCurrentUrl()).as("the provider's session ended too")
			.startsWith(PROVIDER.issuer() + "/login");
	}

	@Test
	@Order(2)
	void anAddressTheProviderDidNotVerifyIsRefusedWithAPageThatSaysSo() {
		staffMember(UWE.email());
		browser.open(url("/login?lang=en"));
		browser.clickToNavigate(browser.find("a[href='/login/sso']"));
		signInAtTheProvider(UWE);

		assertThat(browser.path()).isEqualTo("/login");
		assertThat(browser.find("main p.alert").getText())
			.isEqualTo("Your organisation's sign-in service has not confirmed your e-mail address. Please contact your IT.");
		browser.open(url("/inbox"));
		assertThat(browser.path()).isEqualTo("/login");
		assertThat(auditSubjects("SINGLE_SIGN_ON_REFUSED")).contains("single sign-on: tresor_unverified_email");
		browser.assertAccessible();
	}

	@Test
	@Order(3)
	void anExternalRecipientIsNoStaffMemberAndIsRefusedInTheirLanguage() {
		users.save(User.invited(EmailAddress.of(ERIK.email()), java.util.Set.of(Role.EXTERNAL), "de",
				java.time.Instant.now()));
		browser.open(url("/login?lang=de"));
		browser.clickToNavigate(browser.find("a[href='/login/sso']"));
		signInAtTheProvider(ERIK);

		assertThat(browser.find("main p.alert").getText()).startsWith("Zu dieser E-Mail-Adresse gibt es kein Konto");
		assertThat(users.findByEmail(ERIK.email()).orElseThrow().roles()).containsExactly(Role.EXTERNAL);
		assertThat(auditSubjects("SINGLE_SIGN_ON_REFUSED")).contains("single sign-on: tresor_unknown_account");
	}

	@Test
	@Order(3)
	void someoneOutsideTheStaffGroupIsRefusedEvenWithAnAccount() {
		staffMember(OTTO.email());
		browser.open(url("/login?lang=en"));
		browser.clickToNavigate(browser.find("a[href='/login/sso']"));
		signInAtTheProvider(OTTO);

		assertThat(browser.find("main p.alert").getText())
			.isEqualTo("At your organisation's sign-in service you are not in the group of Tresor users. Please contact your IT.");
		assertThat(auditSubjects("SINGLE_SIGN_ON_REFUSED")).contains("single sign-on: tresor_not_in_group");
	}

	/** As the setting allows: a staff account, which chooses its SecuPass before anything else. */
	@Test
	@Order(3)
	void someoneNewTheProviderVouchesForGetsAStaffAccountAndChoosesTheSecuPassFirst() {
		browser.open(url("/login?lang=en"));
		browser.clickToNavigate(browser.find("a[href='/login/sso']"));
		signInAtTheProvider(NORA);

		assertThat(browser.path()).isEqualTo("/account/secupass/setup");
		browser.open(url("/account"));
		assertThat(browser.path()).isEqualTo("/account/secupass/setup");
		browser.assertAccessible();
		browser.type("secuPass", "Nora-SecuPass-42!");
		browser.type("secuPassRepeated", "Nora-SecuPass-43!");
		browser.clickToNavigate(browser.find("main form button[type=submit]"));
		assertThat(browser.byId("secuPassRepeated-error").getText()).isEqualTo("The two SecuPass entries do not match.");
		browser.type("secuPass", "Nora-SecuPass-42!");
		browser.type("secuPassRepeated", "Nora-SecuPass-42!");
		browser.clickToNavigate(browser.find("main form button[type=submit]"));

		assertThat(browser.path()).isEqualTo("/inbox");
		var nora = users.findByEmail(NORA.email()).orElseThrow();
		assertThat(nora.roles()).containsExactly(Role.STAFF);
		assertThat(nora.publicKey()).isPresent();
		assertThat(nora.passwordHash()).as("signs in through the provider only").isEmpty();
		assertThat(auditSubjects("SINGLE_SIGN_ON_ACCOUNT_CREATED")).contains("user " + NORA.email());
	}

	@Test
	@Order(4)
	void theProvidersAdministratorGroupMakesAnAdministrator() {
		staffMember(ALEX.email());
		browser.open(url("/login?lang=en"));
		browser.clickToNavigate(browser.find("a[href='/login/sso']"));
		signInAtTheProvider(ALEX);

		assertThat(users.findByEmail(ALEX.email()).orElseThrow().roles()).contains(Role.ADMIN, Role.STAFF);
		browser.open(url("/admin/users"));
		assertThat(browser.path()).isEqualTo("/admin/users");
	}

	/** The provider decides: out of its administrator group, out of the role at the next sign-in. */
	@Test
	@Order(4)
	void anAdministratorOutsideTheProvidersAdministratorGroupIsStaffOnlyAfterSigningIn() {
		var bert = users.findByEmail(staffMember(BERT.email())).orElseThrow();
		context.getBean(Invitations.class).grantAdministrator(bert.id(),
				users.findByEmail(ALEX.email()).orElseThrow().id());
		browser.open(url("/login?lang=en"));
		browser.clickToNavigate(browser.find("a[href='/login/sso']"));
		signInAtTheProvider(BERT);

		assertThat(users.findByEmail(BERT.email()).orElseThrow().roles()).containsExactly(Role.STAFF);
		browser.open(url("/admin/users"));
		assertThat(browser.find("h1").getText()).isNotEqualTo("Users");
		assertThat(auditSubjects("ADMINISTRATOR_REVOKED")).contains("user " + BERT.email());
	}

	/** Told only after the right password, so an address alone says nothing about who is staff. */
	@Test
	@Order(5)
	void withStaffPasswordsOffStaffAreSentToTheProviderAndAdministratorsKeepTheirPassword() {
		var staff = staffMember("no-password-" + RUN + "@example.org");
		var administrator = users.findByEmail(ALEX.email()).orElseThrow();
		var singleSignOn = context.getBean(SingleSignOn.class);
		singleSignOn.allowStaffPasswords(false, administrator.id());
		try {
			browser.open(url("/login?lang=en"));
			browser.type("email", staff);
			browser.type("password", PASSWORD);
			browser.clickToNavigate(browser.find("main form button[type=submit]"));
			assertThat(browser.find("main p.alert").getText()).isEqualTo(
					"Staff sign in through your organisation's sign-in service; signing in with a password is switched off for staff.");
			browser.open(url("/inbox"));
			assertThat(browser.path()).isEqualTo("/login");
			assertThat(auditSubjects("STAFF_PASSWORDS_CHANGED")).contains("staff passwords off");

			var admin = staffMember("admin-password-" + RUN + "@example.org");
			context.getBean(Invitations.class).grantAdministrator(users.findByEmail(admin).orElseThrow().id(),
					administrator.id());
			browser.type("email", admin);
			browser.type("password", PASSWORD);
			browser.clickToNavigate(browser.find("main form button[type=submit]"));
			assertThat(browser.path()).isEqualTo("/inbox");
		}
		finally {
			singleSignOn.allowStaffPasswords(true, administrator.id());
		}
	}

	@Test
	@Order(5)
	void aForgedAnswerIsRefusedAndAudited() {
		browser.open(url("/login/oauth2/code/sso?code=stolen&state=forged"));

		assertThat(browser.path()).isEqualTo("/login");
		assertThat(browser.find("main p.alert").getText())
			.isEqualTo("Signing in through your organisation's sign-in service did not complete. Please try again.");
		assertThat(auditSubjects("SINGLE_SIGN_ON_REFUSED")).contains("single sign-on: authorization_request_not_found");
	}

	@Test
	@Order(6)
	void aProviderThatIsDownGetsAClearPageAndThePasswordStillWorks() {
		var staff = staffMember("password-" + RUN + "@example.org");
		provider.close();
		try {
			browser.open(url("/login?lang=en"));
			browser.clickToNavigate(browser.find("a[href='/login/sso']"));
			assertThat(browser.path()).isEqualTo("/login/sso");
			assertThat(browser.find("main p.alert").getText()).isEqualTo(
					"Your organisation's sign-in service cannot be reached right now. Try again later, or sign in with your password.");
			browser.assertAccessible();

			browser.type("email", staff);
			browser.type("password", PASSWORD);
			browser.clickToNavigate(browser.find("main form button[type=submit]"));
			assertThat(browser.path()).isEqualTo("/inbox");
		}
		finally {
			provider = TestIdentityProvider.start(PROVIDER);
		}
	}

	private void signInAtTheProvider(Person person) {
		browser.type("username", person.username());
		browser.type("password", person.password());
		browser.clickToNavigate(browser.find("button[type=submit]"));
	}

	private List<String> auditSubjects(String action) {
		return jdbc.queryForList("select subject from audit_entries where action = ?", String.class, action);
	}
}

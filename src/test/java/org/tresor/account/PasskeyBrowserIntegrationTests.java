package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.tresor.Browser;

/**
 * Passkeys in a real browser (headless Chromium) with its virtual authenticator (the DevTools WebAuthn domain): add
 * one on the account page, sign in with it alone, use it as the second factor after a password, remove it. WebAuthn
 * binds a passkey to the origin people open Tresor at, so this application runs on a port of its own, chosen
 * before it starts, and that origin is its public base URL.
 */
class PasskeyBrowserIntegrationTests extends OwnOriginIntegrationTest {

	@RegisterExtension
	static final Browser browser = Browser.shared();

	@Autowired
	Passkeys passkeys;

	@Autowired
	SecondFactors secondFactors;

	@Autowired
	TotpCodes totp;

	private VirtualAuthenticator authenticator;

	@BeforeEach
	void platformAuthenticator() {
		authenticator = ((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true));
	}

	@AfterEach
	void removeAuthenticator() {
		((HasVirtualAuthenticator) browser.driver()).removeVirtualAuthenticator(authenticator);
	}

	@Test
	void aPasskeyAddedOnTheAccountPageSignsInAloneAndCanBeRemoved() {
		var staff = staffMember("passkey-" + UUID.randomUUID() + "@example.org");
		logIn(staff);
		addPasskey("Laptop");
		assertThat(browser.find("main ul.passkeys").getText()).contains("Laptop");
		assertThat(browser.find("main p.flash").getText()).isEqualTo("The passkey is added.");
		browser.assertAccessible();
		browser.screenshot("passkey-en-01-added");

		browser.reset();
		browser.open(url("/login?lang=en"));
		browser.clickToNavigate(browser.find("button[data-passkey-sign-in]"));
		assertThat(browser.path()).isEqualTo("/inbox");
		var user = users.findByEmail(staff).orElseThrow();
		assertThat(passkeys.of(user.id())).singleElement()
			.satisfies(passkey -> assertThat(passkey.lastUsed()).isNotNull());

		browser.open(url("/account"));
		browser.clickToNavigate(browser.find("main ul.passkeys form button"));
		assertThat(passkeys.of(user.id())).isEmpty();
		assertThat(browser.find("main").getText()).contains("No passkey yet.");
	}

	/** Two devices, two passkeys: each signs in, each is listed under its own name. */
	@Test
	void anAccountHoldsSeveralPasskeys() {
		var staff = staffMember("two-passkeys-" + UUID.randomUUID() + "@example.org");
		logIn(staff);
		addPasskey("Laptop");
		var laptop = authenticator;
		authenticator = ((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(VirtualAuthenticatorOptions.Transport.USB)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true));
		((HasVirtualAuthenticator) browser.driver()).removeVirtualAuthenticator(laptop);
		addPasskey("Security key");

		var user = users.findByEmail(staff).orElseThrow();
		assertThat(passkeys.of(user.id())).extracting(Passkeys.Passkey::label).containsExactly("Laptop", "Security key");
		browser.reset();
		browser.open(url("/login?lang=en"));
		browser.clickToNavigate(browser.find("button[data-passkey-sign-in]"));
		assertThat(browser.path()).isEqualTo("/inbox");
	}

	@Test
	void aPasskeyStandsInForTheCodeAfterThePassword() {
		var staff = staffMember("passkey-" + UUID.randomUUID() + "@example.org");
		var user = users.findByEmail(staff).orElseThrow();
		var secret = secondFactors.offer(user.id()).replace(" ", "");
		secondFactors.confirm(user.id(), totp.code(secret, 0));
		logIn(staff);
		browser.type("code", totp.code(secret, 1));
		browser.clickToNavigate(browser.find("main form button[type=submit]"));
		addPasskey("Phone");

		browser.reset();
		logIn(staff);
		assertThat(browser.path()).isEqualTo("/login/second-factor");
		browser.clickToNavigate(browser.find("button[data-passkey-sign-in]"));
		assertThat(browser.path()).isEqualTo("/inbox");
	}

	@Test
	void withoutAnAuthenticatorTheSignInSaysItFailedAndThePasswordStillWorks() {
		var staff = staffMember("passkey-" + UUID.randomUUID() + "@example.org");
		((HasVirtualAuthenticator) browser.driver()).removeVirtualAuthenticator(authenticator);
		authenticator = ((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setHasResidentKey(true).setIsUserVerified(true));
		browser.open(url("/login?lang=en"));
		browser.find("button[data-passkey-sign-in]").click();
		browser.waitUntil(driver -> !browser.find("button[data-passkey-sign-in] + span").getText().isEmpty());
		assertThat(browser.find("button[data-passkey-sign-in] + span").getText())
			.isEqualTo("Signing in with a passkey failed. Try again, or sign in with your password.");
		assertThat(browser.path()).isEqualTo("/login");

		logIn(staff);
		assertThat(browser.path()).isEqualTo("/inbox");
	}

	private void addPasskey(String label) {
		browser.open(url("/account"));
		browser.type("passkey-label", label);
		browser.clickToNavigate(browser.find("form[data-passkey-register] button"));
		browser.waitFor("main ul.passkeys");
	}

	private void logIn(String email) {
		browser.open(url("/login?lang=en"));
		browser.type("email", email);
		browser.type("password", PASSWORD);
		browser.clickToNavigate(browser.find("main form button[type=submit]"));
	}
}

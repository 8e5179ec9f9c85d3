package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tresor.kernel.LinkToken;
import org.tresor.TestMailServer;

@RecordApplicationEvents
class AccountSetupIntegrationTests extends AccountIntegrationTestSupport {

	@Autowired
	Invitations invitations;

	@Autowired
	ApplicationEvents events;

	private String email;

	private String token;

	@BeforeEach
	void invite() {
		email = uniqueEmail("new");
		invitations.inviteStaff(EmailAddress.of(email), "en");
		// the token exists only in the mail: it is made when the mail is written
		var link = TestMailServer.link(TestMailServer.shared().await(email, "/account/setup/"), "/account/setup/");
		token = link.substring("/account/setup/".length());
	}

	@Test
	void showsTheAddressTheRulesAndTheWarningBeforeTyping() throws Exception {
		mvc.perform(get("/account/setup/" + token).header("Accept-Language", "de"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString(email)))
			.andExpect(content().string(Matchers.containsString("mindestens 12 Zeichen")))
			.andExpect(content().string(Matchers.containsString("nicht mehr öffnen")))
			.andExpect(content().string(Matchers.containsString("exportieren")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("Administrator"))));
	}

	@Test
	void activatesTheAccountWithPasswordAndKeyOnce() throws Exception {
		mvc.perform(activate(token, PASSWORD, PASSWORD, SECUPASS, SECUPASS))
			.andExpect(redirectedUrl("/login"))
			.andExpect(flash().attribute("flash", "account.setup.done"));

		var user = users.findByEmail(email).orElseThrow();
		assertThat(user.isActive()).isTrue();
		assertThat(user.passwordHash()).hasValueSatisfying(hash -> assertThat(hash).startsWith("$argon2id$"));
		assertThat(user.publicKey()).isPresent();
		assertThat(events.stream(AccountActivated.class)).containsExactly(new AccountActivated(user.id()));

		mvc.perform(get("/login").flashAttr("flash", "account.setup.done").header("Accept-Language", "en"))
			.andExpect(content().string(Matchers.containsString("Your access is set up.")));
		mvc.perform(formLogin("/login").userParameter("email").user(email).password(PASSWORD))
			.andExpect(authenticated().withRoles("STAFF"));

		mvc.perform(get("/account/setup/" + token)).andExpect(status().isNotFound());
		mvc.perform(activate(token, PASSWORD + "2", PASSWORD + "2", SECUPASS, SECUPASS))
			.andExpect(status().isNotFound());
	}

	@Nested
	class RefusesLinks {

		@Test
		void unknownOrMalformed() throws Exception {
			mvc.perform(get("/account/setup/" + LinkToken.random().value())).andExpect(status().isNotFound());
			mvc.perform(get("/account/setup/x")).andExpect(status().isNotFound());
			mvc.perform(activate(LinkToken.random().value(), PASSWORD, PASSWORD, SECUPASS, SECUPASS))
				.andExpect(status().isNotFound());
		}

		@Test
		void expired() throws Exception {
			var user = users.save(User.invited(EmailAddress.of(uniqueEmail("late")), Set.of(Role.EXTERNAL), "de",
					Instant.now()));
			var expired = LinkToken.random();
			links.save(SetupLink.forAccount(expired, user.id(), Instant.now().minus(Duration.ofDays(8)),
					Duration.ofDays(7)));
			mvc.perform(get("/account/setup/" + expired.value())).andExpect(status().isNotFound());
			mvc.perform(activate(expired.value(), PASSWORD, PASSWORD, SECUPASS, SECUPASS))
				.andExpect(status().isNotFound());
		}

		@Test
		void ofTheFirstAdministrator() throws Exception {
			var first = LinkToken.random();
			links.save(SetupLink.forFirstAdministrator(first, Instant.now(), Duration.ofHours(1)));
			mvc.perform(get("/account/setup/" + first.value())).andExpect(status().isNotFound());
		}

		@Test
		void ofDisabledUsers() throws Exception {
			var user = users.findByEmail(email).orElseThrow();
			user.disable();
			users.save(user);
			mvc.perform(get("/account/setup/" + token)).andExpect(status().isNotFound());
		}
	}

	@Nested
	class Rejects {

		@Test
		void mismatchedPasswords() throws Exception {
			expectError(activate(token, PASSWORD, PASSWORD + "!", SECUPASS, SECUPASS), "passwordRepeated",
					"account.error.password.mismatch");
		}

		@Test
		void aShortPassword() throws Exception {
			expectError(activate(token, "elevenchars", "elevenchars", SECUPASS, SECUPASS), "password",
					"account.error.password.short");
		}

		@Test
		void aWeakSecuPass() throws Exception {
			expectError(activate(token, PASSWORD, PASSWORD, "Short1!", "Short1!"), "secuPass",
					"account.error.secuPass.weak");
		}

		@Test
		void mismatchedSecuPasses() throws Exception {
			expectError(activate(token, PASSWORD, PASSWORD, SECUPASS, SECUPASS + "?"), "secuPassRepeated",
					"account.error.secuPass.mismatch");
		}

		@Test
		void aSecuPassEqualToThePassword() throws Exception {
			expectError(activate(token, SECUPASS, SECUPASS, SECUPASS, SECUPASS), "secuPass",
					"account.error.secuPass.samePassword");
		}

		@Test
		void showsTheErrorNextToTheFieldInTheVisitorsLanguageWithoutEchoingSecrets() throws Exception {
			mvc.perform(activate(token, PASSWORD, PASSWORD, "weak-secupass", "weak-secupass")
				.header("Accept-Language", "en"))
				.andExpect(content().string(Matchers.containsString("id=\"secuPass-error\"")))
				.andExpect(content().string(Matchers.containsString("aria-describedby=\"secuPass-error\"")))
				.andExpect(content().string(Matchers.containsString("The SecuPass is too weak")))
				.andExpect(content().string(Matchers.containsString(email)))
				.andExpect(content().string(Matchers.not(Matchers.containsString("weak-secupass"))))
				.andExpect(content().string(Matchers.not(Matchers.containsString(PASSWORD))));
		}

		private void expectError(MockHttpServletRequestBuilder request, String field, String messageKey)
				throws Exception {
			mvc.perform(request)
				.andExpect(status().isUnprocessableContent())
				.andExpect(model().attribute("errors", Matchers.hasEntry(field, messageKey)));
			assertThat(users.findByEmail(email).orElseThrow().isActive()).isFalse();
			mvc.perform(get("/account/setup/" + token)).andExpect(status().isOk());
		}
	}

	static MockHttpServletRequestBuilder activate(String token, String password, String passwordRepeated,
			String secuPass, String secuPassRepeated) {
		return post("/account/setup/" + token).with(csrf())
			.param("password", password)
			.param("passwordRepeated", passwordRepeated)
			.param("secuPass", secuPass)
			.param("secuPassRepeated", secuPassRepeated);
	}
}

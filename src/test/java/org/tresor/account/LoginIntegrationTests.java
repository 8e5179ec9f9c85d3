package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Set;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LoginIntegrationTests extends AccountIntegrationTestSupport {

	@Nested
	class LoginPage {

		@Test
		void asksForEmailAndPasswordInTheVisitorsLanguage() throws Exception {
			mvc.perform(get("/login").header("Accept-Language", "en"))
				.andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("E-mail address")))
				.andExpect(content().string(Matchers.containsString("name=\"_csrf\"")));
			mvc.perform(get("/login").header("Accept-Language", "de"))
				.andExpect(content().string(Matchers.containsString("E-Mail-Adresse")));
		}

		@Test
		void showsTheFailureInTheVisitorsLanguage() throws Exception {
			mvc.perform(get("/login?error").header("Accept-Language", "en"))
				.andExpect(content().string(Matchers.containsString("Login failed.")));
			mvc.perform(get("/login?error").header("Accept-Language", "de"))
				.andExpect(content().string(Matchers.containsString("Die Anmeldung ist fehlgeschlagen.")));
		}

		@Test
		void showsTheOrganisationsNameAndLogo() throws Exception {
			mvc.perform(get("/login").header("Accept-Language", "en"))
				.andExpect(content().string(Matchers.containsString("<title>Log in – Kanzlei Beispiel &amp; Partner</title>")))
				.andExpect(content().string(Matchers.containsString("<span>Kanzlei Beispiel &amp; Partner</span>")))
				.andExpect(content().string(Matchers.containsString("<img src=\"" + LOGO + "\" alt=\"\" class=\"logo\">")));
		}

		@Test
		void sendsAStrictContentSecurityPolicy() throws Exception {
			mvc.perform(get("/login"))
				.andExpect(header().string("Content-Security-Policy",
						SecurityConfiguration.CONTENT_SECURITY_POLICY + "; img-src 'self' https://static.example.org"))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(header().string("X-Frame-Options", "DENY"))
				.andExpect(header().string("Referrer-Policy", "no-referrer"));
		}
	}

	@Nested
	class SigningIn {

		@Test
		void acceptsTheRightPasswordWhateverTheCaseOfTheAddress() throws Exception {
			var email = uniqueEmail("login");
			activeUser(email, Role.STAFF);
			mvc.perform(formLogin("/login").userParameter("email").user(email.toUpperCase()).password(PASSWORD))
				.andExpect(authenticated().withRoles("STAFF"))
				.andExpect(redirectedUrl("/"));
		}

		/** Two tabs, a shared front desk account, a burst: each sign-in notes its time without failing the others. */
		@Test
		void signsInOneAccountFromManyPlacesAtOnce() throws Exception {
			var email = uniqueEmail("many");
			activeUser(email, Role.STAFF);
			var signIns = java.util.concurrent.Executors.newFixedThreadPool(16);
			try {
				var answers = signIns.invokeAll(java.util.stream.IntStream.range(0, 32)
					.<java.util.concurrent.Callable<org.springframework.mock.web.MockHttpServletResponse>>mapToObj(
							i -> () -> mvc.perform(formLogin("/login").userParameter("email").user(email).password(PASSWORD))
								.andReturn()
								.getResponse())
					.toList());
				for (var answer : answers) {
					assertThat(answer.get().getStatus()).isEqualTo(302);
					assertThat(answer.get().getRedirectedUrl()).isEqualTo("/");
				}
			}
			finally {
				signIns.shutdownNow();
			}
		}

		@Test
		void refusesAWrongPasswordJustLikeAnUnknownAddress() throws Exception {
			var email = uniqueEmail("wrong");
			activeUser(email, Role.STAFF);
			mvc.perform(formLogin("/login").userParameter("email").user(email).password("wrong password!"))
				.andExpect(unauthenticated())
				.andExpect(redirectedUrl("/login?error"));
			mvc.perform(formLogin("/login").userParameter("email").user(uniqueEmail("nobody")).password(PASSWORD))
				.andExpect(unauthenticated())
				.andExpect(redirectedUrl("/login?error"));
		}

		@Test
		void refusesDisabledUsers() throws Exception {
			var email = uniqueEmail("disabled");
			var user = activeUser(email, Role.STAFF);
			user.disable();
			users.save(user);
			mvc.perform(formLogin("/login").userParameter("email").user(email).password(PASSWORD))
				.andExpect(unauthenticated())
				.andExpect(redirectedUrl("/login?error"));
		}

		@Test
		void refusesUsersWaitingForSetUp() throws Exception {
			var email = uniqueEmail("waiting");
			users.save(User.invited(EmailAddress.of(email), Set.of(Role.STAFF), "de", Instant.now()));
			mvc.perform(formLogin("/login").userParameter("email").user(email).password(""))
				.andExpect(unauthenticated());
		}

		@Test
		void needsTheCsrfToken() throws Exception {
			var email = uniqueEmail("csrf");
			activeUser(email, Role.STAFF);
			mvc.perform(post("/login").param("email", email).param("password", PASSWORD))
				.andExpect(status().isForbidden());
		}

		@Test
		void storesPasswordsAsArgon2idHashes() {
			var user = activeUser(uniqueEmail("hash"), Role.STAFF);
			assertThat(users.findById(user.id()).orElseThrow().passwordHash()).hasValueSatisfying(
					hash -> assertThat(hash).startsWith("$argon2id$").doesNotContain(PASSWORD));
		}

		@Test
		void logsOutWithAPost() throws Exception {
			var user = activeUser(uniqueEmail("logout"), Role.STAFF);
			mvc.perform(post("/logout").with(signedIn(user)).with(csrf()))
				.andExpect(unauthenticated())
				.andExpect(redirectedUrl("/login?logout"));
		}
	}

	@Nested
	class StartPage {

		@Test
		void sendsStaffToTheInbox() throws Exception {
			mvc.perform(get("/").with(signedIn(activeUser(uniqueEmail("start"), Role.STAFF))))
				.andExpect(redirectedUrl("/inbox"));
			mvc.perform(get("/").with(signedIn(activeUser(uniqueEmail("start"), Role.ADMIN, Role.STAFF))))
				.andExpect(redirectedUrl("/inbox"));
		}

		@Test
		void sendsAnonymousVisitorsToTheDefaultBoxAtItsConfiguredAddress() throws Exception {
			var start = mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andReturn();
			var box = mvc.perform(get(start.getResponse().getRedirectedUrl()))
				.andExpect(redirectedUrl("/submit/" + DEFAULT_BOX))
				.andReturn();
			mvc.perform(get(box.getResponse().getRedirectedUrl())).andExpect(status().isOk());
		}

		@Test
		void sendsRecipientsToTheirDocuments() throws Exception {
			mvc.perform(get("/").with(signedIn(activeUser(uniqueEmail("external"), Role.EXTERNAL))))
				.andExpect(redirectedUrl("/received"));
		}

		@Test
		void sendsAnonymousVisitorsOfProtectedPagesToTheLogin() throws Exception {
			mvc.perform(get("/account")).andExpect(redirectedUrl("/login"));
			mvc.perform(get("/inbox")).andExpect(redirectedUrl("/login"));
		}

		@Test
		void keepsExternalUsersOutOfTheInbox() throws Exception {
			mvc.perform(get("/inbox").with(signedIn(activeUser(uniqueEmail("external"), Role.EXTERNAL))))
				.andExpect(status().isForbidden());
		}
	}
}

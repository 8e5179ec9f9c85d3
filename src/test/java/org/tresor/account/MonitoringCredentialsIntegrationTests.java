package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tresor.RateLimitedIntegrationTest;
import org.tresor.crypto.SecuPass;
import org.tresor.crypto.UserKeyPair;

/**
 * Every way to present a password or a credential goes through the lockouts of the login form: HTTP Basic is
 * accepted nowhere (a monitoring system uses the scrape token, which reads {@code /actuator/prometheus} and
 * nothing else), wrong credentials at {@code /actuator} and wrong current passwords at {@code /account/password}
 * count towards the wrong-password lockouts and are audited, and a locked account or client is refused even
 * with the right secret, before it is checked.
 */
class MonitoringCredentialsIntegrationTests extends RateLimitedIntegrationTest {

	static final String PASSWORD = "correct horse battery";

	static final String SECUPASS = "Tresor-Schl0ssel!";

	@Autowired
	Users users;

	private static UserKeyPair keyPair;

	@Nested
	class HttpBasic {

		@Test
		void fortyWrongPasswordsAreRefusedWith429AfterTheLockoutOfTheClient() throws Exception {
			var account = activeUser(Role.STAFF);
			var client = someAddress();
			var statuses = new ArrayList<Integer>();
			for (int i = 0; i < 40; i++) {
				statuses.add(scrape(get("/actuator/prometheus").with(httpBasic(account.email().value(), "wrong " + i)), client)
					.andReturn().getResponse().getStatus());
			}
			assertThat(statuses.subList(0, WRONG_PASSWORDS_PER_ADDRESS)).containsOnly(401);
			assertThat(statuses.subList(WRONG_PASSWORDS_PER_ADDRESS, 40)).containsOnly(429);
			// the same lockout as the login form's
			logIn(account, PASSWORD, client).andExpect(status().isTooManyRequests());
			assertThat(audited("MONITORING_CREDENTIAL_REFUSED", "client " + client)).isEqualTo(WRONG_PASSWORDS_PER_ADDRESS);
		}

		@Test
		void theRightPasswordConfirmsNothingAndIsNeverChecked() throws Exception {
			var account = activeUser(Role.STAFF);
			clearInvocations(passwordEncoder);
			scrape(get("/actuator/prometheus").with(httpBasic(account.email().value(), PASSWORD)), someAddress())
				.andExpect(status().isUnauthorized());
			scrape(get("/actuator/prometheus").with(httpBasic(account.email().value(), "wrong password")), someAddress())
				.andExpect(status().isUnauthorized());
			verify(passwordEncoder, never()).matches(any(), any());
		}

		@Test
		void aLockedAccountsRightPasswordConfirmsNothing() throws Exception {
			var account = activeUser(Role.STAFF);
			for (int i = 0; i < WRONG_PASSWORDS_PER_ACCOUNT; i++) {
				logIn(account, "wrong password " + i, someAddress()).andExpect(redirectedUrl("/login?error"));
			}
			scrape(get("/actuator/prometheus").with(httpBasic(account.email().value(), PASSWORD)), someAddress())
				.andExpect(status().isUnauthorized());
		}
	}

	@Nested
	class ScrapeToken {

		@Test
		void readsPrometheusAndNothingElse() throws Exception {
			var client = someAddress();
			scrape(get("/actuator/prometheus").header("Authorization", "Bearer " + SCRAPE_TOKEN), client)
				.andExpect(status().isOk());
			scrape(get("/actuator/metrics").header("Authorization", "Bearer " + SCRAPE_TOKEN), client)
				.andExpect(status().isForbidden());
			scrape(get("/actuator/health").header("Authorization", "Bearer " + SCRAPE_TOKEN), client)
				.andExpect(status().isForbidden());
			for (var page : new String[] { "/inbox", "/admin/users", "/account", "/outbox/new" }) {
				scrape(get(page).header("Authorization", "Bearer " + SCRAPE_TOKEN), client)
					.andExpect(redirectedUrl("/login"));
			}
			assertThat(audited("MONITORING_CREDENTIAL_REFUSED", "client " + client)).isZero();
		}

		@Test
		void withoutItPrometheusNeedsASignedInAdministrator() throws Exception {
			scrape(get("/actuator/prometheus"), someAddress()).andExpect(status().isUnauthorized());
			mvc.perform(get("/actuator/prometheus").with(user(AccountUser.of(activeUser(Role.STAFF)))))
				.andExpect(status().isForbidden());
			// the context's one administrator: another would stop the first-administrator link its fixture uses
			var administrator = users.findByEmail(
					EmailAddress.of(AccountFixtures.administrator(context, MonitoringCredentialsIntegrationTests.this::local).email())).orElseThrow();
			mvc.perform(get("/actuator/prometheus").with(user(AccountUser.of(administrator))))
				.andExpect(status().isOk());
		}

		@Test
		void fortyWrongTokensLockTheClientSoEvenTheRightOneIsRefused() throws Exception {
			var client = someAddress();
			var statuses = new ArrayList<Integer>();
			for (int i = 0; i < 40; i++) {
				statuses.add(scrape(get("/actuator/prometheus").header("Authorization", "Bearer " + SCRAPE_TOKEN + i),
						client).andReturn().getResponse().getStatus());
			}
			assertThat(statuses.subList(0, WRONG_PASSWORDS_PER_ADDRESS)).containsOnly(401);
			assertThat(statuses.subList(WRONG_PASSWORDS_PER_ADDRESS, 40)).containsOnly(429);
			scrape(get("/actuator/prometheus").header("Authorization", "Bearer " + SCRAPE_TOKEN), client)
				.andExpect(status().isTooManyRequests());
			scrape(get("/actuator/prometheus").header("Authorization", "Bearer " + SCRAPE_TOKEN), someAddress())
				.andExpect(status().isOk());
			assertThat(audited("MONITORING_CREDENTIAL_REFUSED", "client " + client)).isEqualTo(WRONG_PASSWORDS_PER_ADDRESS);
		}
	}

	@Nested
	class WrongCurrentPasswords {

		@Test
		void lockTheAccountSoEvenTheRightOneIsRefusedAtThePasswordFormAndAtLogin() throws Exception {
			var user = activeUser(Role.STAFF);
			for (int i = 0; i < WRONG_PASSWORDS_PER_ACCOUNT; i++) {
				changePassword(user, "wrong password " + i, someAddress()).andExpect(status().isUnprocessableContent());
			}
			clearInvocations(passwordEncoder);
			changePassword(user, PASSWORD, someAddress()).andExpect(status().isTooManyRequests());
			logIn(user, PASSWORD, someAddress()).andExpect(status().isTooManyRequests());
			verify(passwordEncoder, never()).matches(any(), any());
			assertThat(users.findById(user.id()).orElseThrow().passwordHash()).isEqualTo(user.passwordHash());
			assertThat(audited("WRONG_CURRENT_PASSWORD", user.email().value())).isEqualTo(WRONG_PASSWORDS_PER_ACCOUNT);
		}

		@Test
		void lockTheClientThatTriesThemOnSeveralAccounts() throws Exception {
			var client = someAddress();
			for (int i = 0; i < WRONG_PASSWORDS_PER_ADDRESS; i++) {
				changePassword(activeUser(Role.STAFF), "wrong password", client).andExpect(status().isUnprocessableContent());
			}
			changePassword(activeUser(Role.STAFF), PASSWORD, client).andExpect(status().isTooManyRequests());
		}

		@Test
		void theRightOneStillChangesThePassword() throws Exception {
			var user = activeUser(Role.STAFF);
			changePassword(user, PASSWORD, someAddress()).andExpect(redirectedUrl("/account"));
			assertThat(users.findById(user.id()).orElseThrow().passwordHash()).isNotEqualTo(user.passwordHash());
		}
	}

	private ResultActions scrape(MockHttpServletRequestBuilder request, String client) throws Exception {
		return mvc.perform(request.with(from(client)));
	}

	private ResultActions changePassword(User user, String current, String client) throws Exception {
		return mvc.perform(post("/account/password").param("currentPassword", current)
			.param("newPassword", "a brand new password 42")
			.param("newPasswordRepeated", "a brand new password 42")
			.with(user(AccountUser.of(user)))
			.with(csrf())
			.with(from(client)));
	}

	private ResultActions logIn(User user, String password, String client) throws Exception {
		return mvc.perform(post("/login").param("email", user.email().value())
			.param("password", password)
			.with(csrf())
			.with(from(client)));
	}

	private int audited(String action, String actor) {
		return jdbc.queryForObject("select count(*) from audit_entries where action = ? and actor = ?", Integer.class,
				action, actor);
	}

	private User activeUser(Role role) {
		var email = "monitoring-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		var user = User.invited(EmailAddress.of(email), Set.of(role), "en", Instant.now());
		user.activate(passwordEncoder.encode(PASSWORD), keyPair(), Instant.now());
		return users.save(user);
	}

	private UserKeyPair keyPair() {
		if (keyPair == null) {
			try (var secuPass = SecuPass.of(SECUPASS)) {
				keyPair = keys.generate("staff@example.org", secuPass);
			}
		}
		return keyPair;
	}
}

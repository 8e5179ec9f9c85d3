package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.tresor.AtOnce;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@RecordApplicationEvents
class UserAdministrationIntegrationTests extends AccountIntegrationTestSupport {

	@Autowired
	ApplicationEvents events;

	private User admin;

	@BeforeEach
	void signInAsAdministrator() {
		admin = activeUser(uniqueEmail("admin"), Role.ADMIN, Role.STAFF);
	}

	@Test
	void listsUsersWithRolesAndState() throws Exception {
		var staff = activeUser(uniqueEmail("listed"), Role.STAFF);
		mvc.perform(get("/admin/users").with(signedIn(admin)).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString(staff.email().value())))
			.andExpect(content().string(Matchers.containsString("Administrator")))
			.andExpect(content().string(Matchers.containsString("active")))
			.andExpect(content().string(Matchers.containsString("href=\"/admin/users\"")));
	}

	@Test
	void isForbiddenForStaffAndExternals() throws Exception {
		mvc.perform(get("/admin/users").with(signedIn(activeUser(uniqueEmail("staff"), Role.STAFF))))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/users").with(csrf())
			.with(signedIn(activeUser(uniqueEmail("external"), Role.EXTERNAL)))
			.param("email", uniqueEmail("sneaky")))
			.andExpect(status().isForbidden());
	}

	@Nested
	class Inviting {

		@Test
		void createsAStaffMemberWaitingForSetUpAndIssuesALink() throws Exception {
			var email = uniqueEmail("Invited");
			mvc.perform(invite(email, "en"))
				.andExpect(redirectedUrl("/admin/users"))
				.andExpect(flash().attribute("invited", email.toLowerCase()));

			var user = users.findByEmail(email.toLowerCase()).orElseThrow();
			assertThat(user.roles()).containsExactly(Role.STAFF);
			assertThat(user.isActive()).isFalse();
			assertThat(user.passwordHash()).isEmpty();
			assertThat(user.publicKey()).isEmpty();
			var issued = events.stream(SetupLinkIssued.class).toList();
			assertThat(issued).singleElement().satisfies(event -> {
				assertThat(event.user()).isEqualTo(user.id());
				assertThat(event.email()).isEqualTo(email.toLowerCase());
				assertThat(event.languageTag()).isEqualTo("en");
				assertThat(event.expiresAt()).isBetween(Instant.now().plus(Duration.ofDays(7)).minusSeconds(60),
						Instant.now().plus(Duration.ofDays(7)));
				assertThat(links.findById(event.link().value())).isPresent();
			});

			mvc.perform(get("/admin/users").with(signedIn(admin)).header("Accept-Language", "en"))
				.andExpect(content().string(Matchers.containsString("waiting for set-up")));
		}

		/** The form binds to a record of e-mail and language: nothing else a client sends reaches the account. */
		@Test
		void ignoresRolesIdsAndStatesAddedToTheForm() throws Exception {
			var email = uniqueEmail("smuggler");
			var chosenId = java.util.UUID.randomUUID();
			mvc.perform(invite(email, "en").param("roles", "ADMIN").param("role", "ADMIN").param("id", chosenId.toString())
				.param("enabled", "false").param("passwordHash", "x").param("activatedAt", "2020-01-01T00:00:00Z"))
				.andExpect(redirectedUrl("/admin/users"));

			var user = users.findByEmail(email.toLowerCase()).orElseThrow();
			assertThat(user.roles()).containsExactly(Role.STAFF);
			assertThat(user.id().value()).isNotEqualTo(chosenId);
			assertThat(user.isEnabled()).isTrue();
			assertThat(user.isActive()).isFalse();
			assertThat(user.passwordHash()).isEmpty();
		}

		@Test
		void reinvitingSomeoneWaitingIssuesAFreshLink() throws Exception {
			var email = uniqueEmail("again");
			mvc.perform(invite(email, "de")).andExpect(redirectedUrl("/admin/users"));
			mvc.perform(invite(email, "de")).andExpect(redirectedUrl("/admin/users"));

			var issued = events.stream(SetupLinkIssued.class).toList();
			assertThat(issued).hasSize(2);
			assertThat(issued.get(0).user()).isEqualTo(issued.get(1).user());
			assertThat(links.findById(issued.get(0).link().value())).isEmpty();
			assertThat(links.findById(issued.get(1).link().value())).isPresent();
		}

		@Test
		void refusesAnAddressWithAnActiveAccount() throws Exception {
			var existing = activeUser(uniqueEmail("active"), Role.STAFF);
			mvc.perform(invite(existing.email().value(), "de"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(model().attribute("errors", Matchers.hasEntry("email", "account.error.email.active")))
				.andExpect(content().string(Matchers.containsString("aria-describedby=\"email-error\"")))
				.andExpect(content().string(Matchers.containsString("bereits ein eingerichtetes Konto")));
			assertThat(events.stream(SetupLinkIssued.class)).isEmpty();
		}

		@Test
		void refusesAnExternalRecipientsAddressAndLeavesThemExternal() throws Exception {
			var email = uniqueEmail("recipient");
			var external = users.save(User.invited(EmailAddress.of(email), java.util.Set.of(Role.EXTERNAL), "de",
					Instant.now().minus(Duration.ofDays(8))));
			mvc.perform(invite(email, "en").header("Accept-Language", "en"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(model().attribute("errors", Matchers.hasEntry("email", "account.error.email.external")))
				.andExpect(content().string(Matchers.containsString("aria-describedby=\"email-error\"")))
				.andExpect(content().string(Matchers.containsString("belongs to an external recipient of deliveries")));
			mvc.perform(invite(email, "de"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(Matchers.containsString("gehört einem externen Empfänger")));

			var after = users.findById(external.id()).orElseThrow();
			assertThat(after.roles()).containsExactly(Role.EXTERNAL);
			assertThat(events.stream(SetupLinkIssued.class)).isEmpty();
		}

		@Test
		void refusesAnInvalidAddressAndKeepsIt() throws Exception {
			mvc.perform(invite("someone@example.org\r\nBcc: all@example.org", "de"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(model().attribute("errors", Matchers.hasEntry("email", "account.error.email.invalid")));
			mvc.perform(invite("a@b.de, c@d.de", "de"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(Matchers.containsString("value=\"a@b.de, c@d.de\"")));
			assertThat(events.stream(SetupLinkIssued.class)).isEmpty();
		}

		private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder invite(String email,
				String language) {
			return post("/admin/users").with(csrf()).with(signedIn(admin)).param("email", email)
				.param("language", language);
		}
	}

	@Nested
	class Deleting {

		@Test
		void aDisabledUserCanBeDeletedAndIsGoneFromTheList() throws Exception {
			var staff = activeUser(uniqueEmail("gone"), Role.STAFF);
			mvc.perform(post("/admin/users/" + staff.id().value() + "/disable").with(csrf()).with(signedIn(admin)));
			mvc.perform(post("/admin/users/" + staff.id().value() + "/delete").with(csrf()).with(signedIn(admin))
				.param("confirm", "yes"))
				.andExpect(redirectedUrl("/admin/users"))
				.andExpect(flash().attribute("deleted", true));

			assertThat(users.findById(staff.id())).isEmpty();
			assertThat(events.stream(UserDeleted.class)).singleElement()
				.satisfies(event -> assertThat(event.by()).isEqualTo(admin.id()));
			mvc.perform(get("/admin/users").with(signedIn(admin)))
				.andExpect(content().string(Matchers.not(Matchers.containsString(staff.email().value()))));
		}

		@Test
		void aDisabledUserIsKeptUntilTheDeletionIsConfirmed() throws Exception {
			var staff = activeUser(uniqueEmail("unconfirmed"), Role.STAFF);
			mvc.perform(post("/admin/users/" + staff.id().value() + "/disable").with(csrf()).with(signedIn(admin)));
			mvc.perform(get("/admin/users").with(signedIn(admin)).header("Accept-Language", "en"))
				.andExpect(content().string(Matchers.containsString("id=\"confirm-delete-" + staff.id().value() + "\"")));
			mvc.perform(post("/admin/users/" + staff.id().value() + "/delete").with(csrf()).with(signedIn(admin))
				.header("Accept-Language", "en"))
				.andExpect(status().isBadRequest())
				.andExpect(model().attribute("unconfirmed", "confirm-delete-" + staff.id().value()))
				.andExpect(content().string(Matchers.containsString("Please confirm by ticking the box")))
				.andExpect(content().string(Matchers.containsString(
						"aria-describedby=\"confirm-delete-" + staff.id().value() + "-error\"")));
			assertThat(users.findById(staff.id())).isPresent();
			assertThat(events.stream(UserDeleted.class)).isEmpty();
		}

		@Test
		void anEnabledUserIsNotDeleted() throws Exception {
			var staff = activeUser(uniqueEmail("kept"), Role.STAFF);
			mvc.perform(post("/admin/users/" + staff.id().value() + "/delete").with(csrf()).with(signedIn(admin))
				.param("confirm", "yes"))
				.andExpect(redirectedUrl("/admin/users"));
			assertThat(users.findById(staff.id())).isPresent();
			assertThat(events.stream(UserDeleted.class)).isEmpty();
		}

		@Test
		void onlyDisabledUsersOfferADeleteButton() throws Exception {
			var staff = activeUser(uniqueEmail("button"), Role.STAFF);
			mvc.perform(get("/admin/users").with(signedIn(admin)))
				.andExpect(content().string(Matchers.not(Matchers.containsString(staff.id().value() + "/delete"))));
			mvc.perform(post("/admin/users/" + staff.id().value() + "/disable").with(csrf()).with(signedIn(admin)));
			mvc.perform(get("/admin/users").with(signedIn(admin)))
				.andExpect(content().string(Matchers.containsString(staff.id().value() + "/delete")));
		}
	}

	@Nested
	class LastLogin {

		@Test
		void isShownOnceTheUserSignedIn() throws Exception {
			var staff = activeUser(uniqueEmail("login"), Role.STAFF);
			assertThat(users.findById(staff.id()).orElseThrow().lastLoginAt()).isEmpty();
			mvc.perform(formLogin("/login").userParameter("email").user(staff.email().value()).password(PASSWORD))
				.andExpect(authenticated());
			assertThat(users.findById(staff.id()).orElseThrow().lastLoginAt()).isPresent();
			assertThat(events.stream(UserSignedIn.class)).singleElement()
				.satisfies(event -> assertThat(event.user()).isEqualTo(staff.id()));
		}

		@Test
		void aWrongPasswordForAKnownAddressIsAnnouncedButNotForAnUnknownOne() throws Exception {
			var staff = activeUser(uniqueEmail("wrong"), Role.STAFF);
			mvc.perform(formLogin("/login").userParameter("email").user(staff.email().value()).password("nope"))
				.andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
			mvc.perform(formLogin("/login").userParameter("email").user(uniqueEmail("nobody")).password("nope"))
				.andExpect(unauthenticated());
			assertThat(events.stream(SignInFailed.class)).singleElement()
				.satisfies(event -> assertThat(event.user()).isEqualTo(staff.id()));
		}
	}

	@Nested
	class Disabling {

		@Test
		void disabledUsersAreShownAsSuchAndCanBeEnabledAgain() throws Exception {
			var staff = activeUser(uniqueEmail("off"), Role.STAFF);
			mvc.perform(post("/admin/users/" + staff.id().value() + "/disable").with(csrf()).with(signedIn(admin)))
				.andExpect(redirectedUrl("/admin/users"));
			assertThat(users.findById(staff.id()).orElseThrow().isEnabled()).isFalse();
			mvc.perform(get("/admin/users").with(signedIn(admin)).header("Accept-Language", "en"))
				.andExpect(content().string(Matchers.containsString("disabled")));

			mvc.perform(post("/admin/users/" + staff.id().value() + "/enable").with(csrf()).with(signedIn(admin)))
				.andExpect(redirectedUrl("/admin/users"));
			assertThat(users.findById(staff.id()).orElseThrow().isEnabled()).isTrue();
		}

		@Test
		void aDisabledUserLosesTheirSessionAtTheNextRequest() throws Exception {
			var staff = activeUser(uniqueEmail("session"), Role.STAFF);
			var login = mvc.perform(formLogin("/login").userParameter("email").user(staff.email().value())
				.password(PASSWORD)).andExpect(authenticated()).andReturn();
			var session = (MockHttpSession) login.getRequest().getSession(false);
			mvc.perform(get("/inbox").session(session)).andExpect(status().isOk());

			mvc.perform(post("/admin/users/" + staff.id().value() + "/disable").with(csrf()).with(signedIn(admin)))
				.andExpect(redirectedUrl("/admin/users"));

			mvc.perform(get("/inbox").session(session))
				.andExpect(status().is3xxRedirection())
				.andExpect(unauthenticated());
			assertThat(session.isInvalid()).isTrue();
			mvc.perform(formLogin("/login").userParameter("email").user(staff.email().value()).password(PASSWORD))
				.andExpect(unauthenticated());
		}

		@Test
		void administratorsCannotLockThemselvesOut() throws Exception {
			mvc.perform(get("/admin/users").with(signedIn(admin)))
				.andExpect(content().string(Matchers.not(Matchers.containsString(admin.id().value() + "/disable"))));
			mvc.perform(post("/admin/users/" + admin.id().value() + "/disable").with(csrf()).with(signedIn(admin)))
				.andExpect(redirectedUrl("/admin/users"));
			assertThat(users.findById(admin.id()).orElseThrow().isEnabled()).isTrue();
		}
	}

	@Nested
	class Administrators {

		@Autowired
		JdbcTemplate database;

		@Test
		void aStaffMemberMadeAdministratorActsAsOneFromTheirNextRequest() throws Exception {
			var staff = activeUser(uniqueEmail("promoted"), Role.STAFF);
			var signedInAsStaff = signedIn(staff);
			mvc.perform(get("/admin/users").with(signedInAsStaff)).andExpect(status().isForbidden());

			mvc.perform(post("/admin/users/" + staff.id().value() + "/administrator").with(csrf()).with(signedIn(admin)))
				.andExpect(redirectedUrl("/admin/users"));

			assertThat(users.findById(staff.id()).orElseThrow().roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.STAFF);
			assertThat(events.stream(AdministratorGranted.class)).singleElement().satisfies(event -> {
				assertThat(event.user()).isEqualTo(staff.id());
				assertThat(event.by()).isEqualTo(admin.id());
			});
			mvc.perform(get("/admin/users").with(signedInAsStaff)).andExpect(status().isOk());
		}

		@Test
		void anAdministratorWhoseRoleIsRevokedLosesAdministrationAtTheNextRequestAndStaysStaff() throws Exception {
			var other = activeUser(uniqueEmail("demoted"), Role.ADMIN, Role.STAFF);
			var login = mvc.perform(formLogin("/login").userParameter("email").user(other.email().value())
				.password(PASSWORD)).andExpect(authenticated()).andReturn();
			var session = (MockHttpSession) login.getRequest().getSession(false);
			mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());

			mvc.perform(post("/admin/users/" + other.id().value() + "/administrator/revoke").with(csrf())
				.with(signedIn(admin)))
				.andExpect(redirectedUrl("/admin/users"));

			assertThat(users.findById(other.id()).orElseThrow().roles()).containsExactly(Role.STAFF);
			assertThat(events.stream(AdministratorRevoked.class)).singleElement()
				.satisfies(event -> assertThat(event.by()).isEqualTo(admin.id()));
			mvc.perform(get("/admin/users").session(session)).andExpect(status().isForbidden());
			mvc.perform(get("/inbox").session(session)).andExpect(status().isOk());
		}

		@Test
		void anAdministratorWhoStepsDownGoesToTheStartPage() throws Exception {
			activeUser(uniqueEmail("remaining"), Role.ADMIN, Role.STAFF);
			mvc.perform(post("/admin/users/" + admin.id().value() + "/administrator/revoke").with(csrf())
				.with(signedIn(admin)))
				.andExpect(redirectedUrl("/"));
			assertThat(users.findById(admin.id()).orElseThrow().roles()).containsExactly(Role.STAFF);
		}

		@Test
		void externalRecipientsAndDisabledAccountsAreNotMadeAdministrators() throws Exception {
			var external = activeUser(uniqueEmail("outsider"), Role.EXTERNAL);
			var disabled = activeUser(uniqueEmail("switched-off"), Role.STAFF);
			mvc.perform(post("/admin/users/" + disabled.id().value() + "/disable").with(csrf()).with(signedIn(admin)));
			mvc.perform(get("/admin/users").with(signedIn(admin)))
				.andExpect(content().string(Matchers.not(Matchers.containsString(external.id().value() + "/administrator"))))
				.andExpect(content().string(Matchers.not(Matchers.containsString(disabled.id().value() + "/administrator"))));

			for (var user : java.util.List.of(external, disabled)) {
				mvc.perform(post("/admin/users/" + user.id().value() + "/administrator").with(csrf()).with(signedIn(admin)))
					.andExpect(redirectedUrl("/admin/users"));
				assertThat(users.findById(user.id()).orElseThrow().has(Role.ADMIN)).isFalse();
			}
			assertThat(events.stream(AdministratorGranted.class)).isEmpty();
		}

		@Test
		void theLastActiveAdministratorCanNeitherStepDownNorBeDisabled() throws Exception {
			var others = aloneAsActiveAdministrator(admin);
			try {
				mvc.perform(get("/admin/users").with(signedIn(admin)).header("Accept-Language", "en"))
					.andExpect(content().string(Matchers.not(Matchers.containsString(
							admin.id().value() + "/administrator/revoke"))));

				mvc.perform(post("/admin/users/" + admin.id().value() + "/administrator/revoke").with(csrf())
					.with(signedIn(admin)).header("Accept-Language", "en"))
					.andExpect(status().isConflict())
					.andExpect(content().string(Matchers.containsString("This is the last active administrator")));
				mvc.perform(post("/admin/users/" + admin.id().value() + "/administrator/revoke").with(csrf())
					.with(signedIn(admin)))
					.andExpect(status().isConflict())
					.andExpect(content().string(Matchers.containsString("letzte aktive Administrationskonto")));

				assertThat(users.findById(admin.id()).orElseThrow().roles()).contains(Role.ADMIN);
				assertThat(events.stream(AdministratorRevoked.class)).isEmpty();
			}
			finally {
				others.run();
			}
		}

		/** Both ask at once; the administrators' rows are locked while one of them counts, so one stays. */
		@Test
		void twoAdministratorsRevokingEachOtherAtOnceLeaveOneOfThem() throws Exception {
			var other = activeUser(uniqueEmail("rival"), Role.ADMIN, Role.STAFF);
			var others = aloneAsActiveAdministrator(admin, other);
			try {
				var statuses = AtOnce.atOnce(
						() -> mvc.perform(post("/admin/users/" + other.id().value() + "/administrator/revoke")
							.with(csrf()).with(signedIn(admin))).andReturn().getResponse().getStatus(),
						() -> mvc.perform(post("/admin/users/" + admin.id().value() + "/administrator/revoke")
							.with(csrf()).with(signedIn(other))).andReturn().getResponse().getStatus());

				assertThat(statuses).as("one succeeds; the other is refused, or finds itself no longer administrator")
					.contains(302).doesNotContain(500);
				assertThat(java.util.List.of(admin, other))
					.filteredOn(user -> users.findById(user.id()).orElseThrow().has(Role.ADMIN))
					.hasSize(1);
			}
			finally {
				others.run();
			}
		}

		@Test
		void twoAdministratorsDisablingEachOtherAtOnceLeaveOneEnabled() throws Exception {
			var other = activeUser(uniqueEmail("duel"), Role.ADMIN, Role.STAFF);
			var others = aloneAsActiveAdministrator(admin, other);
			try {
				var statuses = AtOnce.atOnce(
						() -> mvc.perform(post("/admin/users/" + other.id().value() + "/disable")
							.with(csrf()).with(signedIn(admin))).andReturn().getResponse().getStatus(),
						() -> mvc.perform(post("/admin/users/" + admin.id().value() + "/disable")
							.with(csrf()).with(signedIn(other))).andReturn().getResponse().getStatus());

				assertThat(statuses).doesNotContain(500);
				assertThat(java.util.List.of(admin, other))
					.filteredOn(user -> users.findById(user.id()).orElseThrow().isEnabled())
					.hasSize(1);
			}
			finally {
				others.run();
				database.update("update users set enabled = true where id = ?", other.id().value());
				database.update("update users set enabled = true where id = ?", admin.id().value());
			}
		}

		/**
		 * Switches every other active administrator of this shared database off for one test; the returned action
		 * switches them on again.
		 */
		private Runnable aloneAsActiveAdministrator(User... remaining) {
			var kept = java.util.Arrays.stream(remaining).map(user -> user.id().value().toString()).toList();
			var switchedOff = database.queryForList("select id from users where roles like '%ADMIN%' and enabled"
					+ " and activated_at is not null", String.class)
				.stream().filter(id -> !kept.contains(id)).toList();
			switchedOff.forEach(id -> database.update("update users set enabled = false where id = ?",
					java.util.UUID.fromString(id)));
			return () -> switchedOff.forEach(id -> database.update("update users set enabled = true where id = ?",
					java.util.UUID.fromString(id)));
		}
	}

	@Nested
	class SetupLinksAgain {

		@Test
		void someoneWaitingGetsANewLinkAndTheOldOneStopsWorking() throws Exception {
			var email = uniqueEmail("lost-mail");
			mvc.perform(post("/admin/users").with(csrf()).with(signedIn(admin)).param("email", email)
				.param("language", "en"));
			var waiting = users.findByEmail(email.toLowerCase()).orElseThrow();
			var first = events.stream(SetupLinkIssued.class).toList().get(0);

			mvc.perform(post("/admin/users/" + waiting.id().value() + "/setup-link").with(csrf()).with(signedIn(admin)))
				.andExpect(redirectedUrl("/admin/users"))
				.andExpect(flash().attribute("setupLinkSent", true));

			var issued = events.stream(SetupLinkIssued.class).toList();
			assertThat(issued).hasSize(2);
			assertThat(issued.get(1).user()).isEqualTo(waiting.id());
			assertThat(issued.get(1).languageTag()).isEqualTo("en");
			assertThat(links.findById(first.link().value())).isEmpty();
			assertThat(links.findById(issued.get(1).link().value())).isPresent();
		}

		@Test
		void anExternalRecipientWaitingForSetUpGetsANewLinkToo() throws Exception {
			var external = users.save(User.invited(EmailAddress.of(uniqueEmail("recipient-waiting")),
					java.util.Set.of(Role.EXTERNAL), "de", Instant.now().minus(Duration.ofDays(10))));
			mvc.perform(get("/admin/users").with(signedIn(admin)))
				.andExpect(content().string(Matchers.containsString(external.id().value() + "/setup-link")));

			mvc.perform(post("/admin/users/" + external.id().value() + "/setup-link").with(csrf()).with(signedIn(admin)))
				.andExpect(redirectedUrl("/admin/users"));

			assertThat(events.stream(SetupLinkIssued.class)).singleElement()
				.satisfies(event -> assertThat(event.user()).isEqualTo(external.id()));
			assertThat(users.findById(external.id()).orElseThrow().roles()).containsExactly(Role.EXTERNAL);
		}

		@Test
		void nobodyWhoIsSetUpOrDisabledGetsALink() throws Exception {
			var active = activeUser(uniqueEmail("set-up"), Role.STAFF);
			mvc.perform(get("/admin/users").with(signedIn(admin)))
				.andExpect(content().string(Matchers.not(Matchers.containsString(active.id().value() + "/setup-link"))));
			mvc.perform(post("/admin/users/" + active.id().value() + "/setup-link").with(csrf()).with(signedIn(admin)))
				.andExpect(redirectedUrl("/admin/users"));
			assertThat(events.stream(SetupLinkIssued.class)).isEmpty();
		}
	}
}

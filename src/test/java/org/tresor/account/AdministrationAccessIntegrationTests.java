package org.tresor.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.web.bind.annotation.RequestMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The administration pages and the monitoring endpoints are for administrators only: staff and external users
 * get 403, visitors are sent to the login page (pages) or answered 401 (monitoring, which accepts no HTTP Basic).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdministrationAccessIntegrationTests extends AccountIntegrationTestSupport {

	@org.springframework.beans.factory.annotation.Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.JdbcTemplate database;

	private User staff;

	private User external;

	private User admin;

	/** Key generation is slow on purpose (Argon2): one user per role for the whole class. */
	@BeforeAll
	void users() {
		staff = activeUser(uniqueEmail("staff"), Role.STAFF);
		external = activeUser(uniqueEmail("external"), Role.EXTERNAL);
		admin = activeUser(uniqueEmail("admin"), Role.ADMIN, Role.STAFF);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/admin/users", "/admin/boxes", "/admin/audit", "/admin/audit?action=USER_SIGNED_IN",
			"/admin/storage", "/admin/scanning" })
	void administrationPagesAreForbiddenForStaffAndExternalUsers(String page) throws Exception {
		mvc.perform(get(page).with(signedIn(staff)))
			.andExpect(status().isForbidden());
		mvc.perform(get(page).with(signedIn(external)))
			.andExpect(status().isForbidden());
		mvc.perform(get(page)).andExpect(status().is3xxRedirection());
		mvc.perform(get(page).with(signedIn(admin)))
			.andExpect(status().isOk());
	}

	/** Every endpoint under {@code /admin}, by GET and by POST, from Spring MVC's handler mapping. */
	@Test
	void everyAdministrationEndpointNeedsTheAdministratorRole() throws Exception {
		var endpoints = new java.util.ArrayList<Endpoints.Endpoint>();
		endpoints.addAll(Endpoints.of(mappings, RequestMethod.GET));
		endpoints.addAll(Endpoints.of(mappings, RequestMethod.POST));
		endpoints.removeIf(endpoint -> !endpoint.pattern().startsWith("/admin"));
		assertThat(endpoints).extracting(Endpoints.Endpoint::pattern)
			.contains("/admin/users", "/admin/users/{id}/delete", "/admin/boxes/{id}/members", "/admin/storage");
		var before = Endpoints.state(database);
		for (var endpoint : endpoints) {
			for (var user : new User[] { staff, external }) {
				var request = endpoint.method() == RequestMethod.GET ? get(endpoint.path())
						: post(endpoint.path()).with(csrf()).param("name", "taken over")
							.param("user", user.id().value().toString()).param("email", uniqueEmail("intruder"));
				var result = mvc.perform(request.with(signedIn(user))).andReturn();
				assertThat(result.getResponse().getStatus()).as(endpoint + " by " + user.roles()).isEqualTo(403);
				assertThat(result.getHandler()).as(endpoint + " by " + user.roles()).isNull();
			}
		}
		assertThat(Endpoints.state(database)).isEqualTo(before);
	}

	/** Every endpoint of the staff's inbox and outbox, by GET and by POST. */
	@Test
	void recipientsOpenNoStaffEndpoint() throws Exception {
		var endpoints = new java.util.ArrayList<Endpoints.Endpoint>();
		endpoints.addAll(Endpoints.of(mappings, RequestMethod.GET));
		endpoints.addAll(Endpoints.of(mappings, RequestMethod.POST));
		endpoints.removeIf(endpoint -> !endpoint.pattern().startsWith("/inbox") && !endpoint.pattern().startsWith("/outbox"));
		assertThat(endpoints).extracting(Endpoints.Endpoint::pattern)
			.contains("/inbox", "/inbox/{id}/delete", "/outbox/new", "/outbox/complete");
		for (var endpoint : endpoints) {
			var request = endpoint.method() == RequestMethod.GET ? get(endpoint.path()) : post(endpoint.path()).with(csrf());
			var result = mvc.perform(request.with(signedIn(external))).andReturn();
			assertThat(result.getResponse().getStatus()).as(endpoint.toString()).isEqualTo(403);
			assertThat(result.getHandler()).as(endpoint.toString()).isNull();
		}
	}

	@Test
	void userAdministrationActionsAreForbiddenForStaff() throws Exception {
		var other = external;
		for (var action : new String[] { "disable", "enable", "delete" }) {
			mvc.perform(post("/admin/users/" + other.id().value() + "/" + action).with(csrf()).with(signedIn(staff)))
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void prometheusIsForAdministratorsOnly() throws Exception {
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/prometheus").with(signedIn(staff)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/actuator/metrics").with(signedIn(external)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/actuator/prometheus").with(signedIn(admin)))
			.andExpect(status().isOk());
	}

	/** A monitoring system uses the scrape token; a password never works here, so no answer confirms one. */
	@Test
	void httpBasicIsAcceptedNowhereSoTheAnswerConfirmsNoPassword() throws Exception {
		mvc.perform(get("/actuator/prometheus").with(httpBasic(admin.email().value(), PASSWORD)))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/prometheus").with(httpBasic(admin.email().value(), "wrong password")))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/prometheus").with(httpBasic(staff.email().value(), PASSWORD)))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/account").with(httpBasic(admin.email().value(), PASSWORD)))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void healthShowsOnlyItsStatusToEveryoneButAdministrators() throws Exception {
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
		mvc.perform(get("/actuator/health").with(signedIn(staff)))
			.andExpect(jsonPath("$.components").doesNotExist());
		mvc.perform(get("/actuator/health").with(signedIn(admin)))
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.blobStore.status").value("UP"));
	}
}

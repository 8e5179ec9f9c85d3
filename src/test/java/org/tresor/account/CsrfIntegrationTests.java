package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Cross-site request forgery: every state-changing request is a POST that needs the CSRF token, logout
 * included; a GET changes nothing. The endpoints come from Spring MVC's handler mapping, so a new one is
 * checked without being listed here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsrfIntegrationTests extends AccountIntegrationTestSupport {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcTemplate database;

	private User administrator;

	@BeforeAll
	void administrator() {
		administrator = activeUser(uniqueEmail("csrf-admin"), Role.ADMIN, Role.STAFF, Role.EXTERNAL);
	}

	@Test
	void findsEveryStateChangingEndpoint() {
		assertThat(Endpoints.of(mappings, RequestMethod.POST)).extracting(Endpoints.Endpoint::pattern)
			.contains("/inbox/{id}/delete", "/received/{id}/delete", "/outbox/new", "/outbox/{id}/withdraw",
					"/admin/users/{id}/disable", "/admin/users/{id}/delete", "/admin/boxes/{id}/members",
					"/account/password", "/account/secret-key", "/submit/t/{token}", "/account/setup/{token}");
	}

	@Test
	void everyPostWithoutTheCsrfTokenIsRefusedBeforeItsHandlerAndChangesNothing() throws Exception {
		var posts = new ArrayList<>(Endpoints.of(mappings, RequestMethod.POST).stream().map(Endpoints.Endpoint::path).toList());
		posts.add("/login");
		posts.add("/logout");
		var before = Endpoints.state(database);
		for (var path : posts) {
			var result = mvc.perform(post(path).with(signedIn(administrator))
				.param("email", administrator.email().value()).param("password", PASSWORD)
				.param("secuPass", SECUPASS).param("confirm", "yes").param("name", "Renamed")
				.param("user", administrator.id().value().toString()))
				.andReturn();
			assertThat(result.getResponse().getStatus()).as(path).isEqualTo(403);
			assertThat(result.getHandler()).as("handler reached by " + path).isNull();
		}
		assertThat(Endpoints.state(database)).isEqualTo(before);
	}

	@Test
	void anAnonymousPostWithoutTheTokenIsRefusedToo() throws Exception {
		for (var path : new String[] { "/submit/" + DEFAULT_BOX, "/login", "/account/setup/" + "A".repeat(43) }) {
			mvc.perform(post(path).param("email", "someone@example.org")).andExpect(status().isForbidden());
		}
	}

	@Test
	void withTheTokenThePostsReachTheirHandlers() throws Exception {
		for (var endpoint : Endpoints.of(mappings, RequestMethod.POST)) {
			if (endpoint.pattern().startsWith("/account/password") || endpoint.pattern().endsWith("/delete")
					|| endpoint.pattern().endsWith("/disable")) {
				continue; // reached, but better not done to the administrator of this class
			}
			try {
				var result = mvc.perform(post(endpoint.path()).with(csrf()).with(signedIn(administrator))).andReturn();
				assertThat(result.getHandler()).as(endpoint.path()).isNotNull();
			}
			catch (Exception failure) {
				// the handler was reached and failed on the made-up input: that is all this test asks
			}
		}
	}

	@Test
	void noGetHandlerChangesAnything() throws Exception {
		var before = Endpoints.state(database);
		for (var endpoint : Endpoints.of(mappings, RequestMethod.GET)) {
			try {
				mvc.perform(get(endpoint.path()).with(signedIn(administrator))).andReturn();
			}
			catch (Exception failure) {
				// a made-up id may fail a handler; what counts is that nothing was written
			}
		}
		assertThat(Endpoints.state(database)).isEqualTo(before);
	}

	@Test
	void noGetEndpointIsNamedLikeAChange() {
		assertThat(Endpoints.of(mappings, RequestMethod.GET)).extracting(Endpoints.Endpoint::pattern)
			.noneMatch(pattern -> pattern.matches(
					".*/(delete|remove|disable|enable|withdraw|rename|members|open|logout|password|activate|send)(/.*)?"));
	}

	@Test
	void logoutByGetDoesNotLogOut() throws Exception {
		var session = (MockHttpSession) mvc.perform(formLogin("/login").userParameter("email")
			.user(administrator.email().value()).password(PASSWORD))
			.andReturn().getRequest().getSession();
		mvc.perform(get("/logout").session(session)).andReturn();
		mvc.perform(get("/account").session(session)).andExpect(status().isOk());
		mvc.perform(post("/logout").with(csrf()).session(session)).andExpect(redirectedUrl("/login?logout"));
		mvc.perform(get("/account").session(session)).andExpect(status().is3xxRedirection());
	}
}

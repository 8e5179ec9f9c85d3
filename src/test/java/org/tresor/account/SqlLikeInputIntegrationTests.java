package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What looks like SQL in a login, search or form field is data: it matches nothing, signs no one in, and is
 * stored as typed. (That no query is built from text is a rule on the code: {@code SecurityRulesTests}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlLikeInputIntegrationTests extends AccountIntegrationTestSupport {

	static final List<String> INJECTIONS = List.of("' OR 1=1 --", "' OR '1'='1", "\" OR \"\"=\"", "admin'--",
			"%", "_", "1; DROP TABLE users", "'); DELETE FROM audit_entries; --");

	@Autowired
	JdbcTemplate database;

	private User administrator;

	@BeforeAll
	void administrator() {
		administrator = activeUser(uniqueEmail("sql-admin"), Role.ADMIN, Role.STAFF);
	}

	@Test
	void sqlInTheLoginFieldsSignsNobodyIn() throws Exception {
		for (var injection : INJECTIONS) {
			mvc.perform(formLogin("/login").userParameter("email").user(injection).password(injection))
				.andExpect(redirectedUrl("/login?error"));
			mvc.perform(formLogin("/login").userParameter("email").user(administrator.email().value()).password(injection))
				.andExpect(redirectedUrl("/login?error"));
			mvc.perform(formLogin("/login").userParameter("email").user(administrator.email().value() + injection)
				.password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
		}
	}

	@Test
	void sqlInTheAuditSearchMatchesNothing() throws Exception {
		mvc.perform(formLogin("/login").userParameter("email").user(administrator.email().value()).password(PASSWORD));
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(search(administrator.email().value()))
			.as("the administrator's own sign-in is found").doesNotContain("No entries"));
		for (var injection : INJECTIONS) {
			assertThat(search(injection)).as(injection).contains("No entries");
		}
	}

	@Test
	void sqlInAFormIsStoredAsTyped() throws Exception {
		var name = "Robert'); DROP TABLE users; --";
		var slug = "sql-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/admin/boxes").with(csrf()).with(signedIn(administrator)).param("slug", slug).param("name", name))
			.andExpect(redirectedUrl("/admin/boxes"));
		assertThat(database.queryForObject("select name from submit_boxes where slug = ?", String.class, slug))
			.isEqualTo(name);
		assertThat(users.findById(administrator.id())).isPresent();
	}

	@Test
	void sqlAsAnAddressIsRefusedAsAnInvalidAddress() throws Exception {
		for (var injection : INJECTIONS) {
			mvc.perform(post("/admin/users").with(csrf()).with(signedIn(administrator)).header("Accept-Language", "en")
				.param("email", injection).param("language", "en"))
				.andExpect(status().isUnprocessableContent());
		}
	}

	private String search(String actor) throws Exception {
		return mvc.perform(get("/admin/audit").param("actor", actor).with(signedIn(administrator))
			.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}
}

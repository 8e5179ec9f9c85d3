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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tresor.TestMailServer;
import org.tresor.crypto.SecuPass;

/** "Forgot password?": a link by mail, valid one hour, used once; the key is never touched. */
@RecordApplicationEvents
class PasswordResetIntegrationTests extends AccountIntegrationTestSupport {

	private static final String NEW_PASSWORD = "a brand new passphrase";

	@Autowired
	ApplicationEvents events;

	@Autowired
	JdbcTemplate database;

	private User user;

	@BeforeEach
	void forgetful() {
		user = activeUser(uniqueEmail("forgetful"), Role.STAFF);
	}

	@Test
	void theLoginPageLeadsToTheRequest() throws Exception {
		mvc.perform(get("/login").header("Accept-Language", "en"))
			.andExpect(content().string(Matchers.containsString("href=\"/forgot-password\"")))
			.andExpect(content().string(Matchers.containsString("Forgot password?")));
		mvc.perform(get("/forgot-password").header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("valid for one hour")))
			.andExpect(content().string(Matchers.containsString("Your SecuPass stays as it is")));
	}

	@Test
	void mailsASingleUseLinkThatSetsANewPasswordAndEndsEverySession() throws Exception {
		var login = mvc.perform(formLogin("/login").userParameter("email").user(user.email().value()).password(PASSWORD))
			.andExpect(authenticated()).andReturn();
		var session = (MockHttpSession) login.getRequest().getSession(false);

		var link = requestLink(user.email().value());
		mvc.perform(get(link).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString(user.email().value())));
		mvc.perform(choose(link, NEW_PASSWORD, NEW_PASSWORD))
			.andExpect(redirectedUrl("/login"))
			.andExpect(flash().attribute("flash", "account.passwordReset.done"));

		mvc.perform(get("/inbox").session(session)).andExpect(unauthenticated());
		mvc.perform(formLogin("/login").userParameter("email").user(user.email().value()).password(PASSWORD))
			.andExpect(unauthenticated());
		mvc.perform(formLogin("/login").userParameter("email").user(user.email().value()).password(NEW_PASSWORD))
			.andExpect(authenticated());
		assertThat(events.stream(PasswordReset.class)).singleElement()
			.satisfies(event -> assertThat(event.user()).isEqualTo(user.id()));

		mvc.perform(get(link).header("Accept-Language", "en"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(Matchers.containsString("This link no longer works")))
			.andExpect(content().string(Matchers.containsString("href=\"/forgot-password\"")));
		mvc.perform(choose(link, "yet another passphrase", "yet another passphrase")).andExpect(status().isNotFound());
	}

	@Test
	void neverTouchesTheKey() throws Exception {
		var before = users.findById(user.id()).orElseThrow().secretKey().orElseThrow().encoded();

		mvc.perform(choose(requestLink(user.email().value()), NEW_PASSWORD, NEW_PASSWORD))
			.andExpect(redirectedUrl("/login"));

		var after = users.findById(user.id()).orElseThrow();
		assertThat(after.secretKey().orElseThrow().encoded()).isEqualTo(before);
		try (var secuPass = SecuPass.of(SECUPASS)) {
			assertThat(keys.unlock(after.secretKey().orElseThrow(), secuPass)).isNotNull();
		}
	}

	@Test
	void answersTheSameForAnAddressWithoutAccountAndMailsNothing() throws Exception {
		var nobody = uniqueEmail("nobody");
		mvc.perform(request(nobody)).andExpect(redirectedUrl("/forgot-password/sent"));
		mvc.perform(request(user.email().value())).andExpect(redirectedUrl("/forgot-password/sent"));
		mvc.perform(get("/forgot-password/sent").header("Accept-Language", "en"))
			.andExpect(content().string(Matchers.containsString("If an account exists for this address")));

		TestMailServer.shared().await(user.email().value(), "/password-reset/");
		assertThat(TestMailServer.shared().to(nobody)).isEmpty();
		assertThat(events.stream(PasswordResetRequested.class)).singleElement()
			.satisfies(event -> assertThat(event.user()).isEqualTo(user.id()));
	}

	@Test
	void mailsNothingForAnAccountThatIsDisabledOrStillWaitsForSetUp() throws Exception {
		var waiting = users.save(User.invited(EmailAddress.of(uniqueEmail("waiting")), java.util.Set.of(Role.STAFF), "de",
				Instant.now()));
		var disabled = activeUser(uniqueEmail("disabled"), Role.STAFF);
		disabled.disable();
		users.save(disabled);

		mvc.perform(request(waiting.email().value())).andExpect(redirectedUrl("/forgot-password/sent"));
		mvc.perform(request(disabled.email().value())).andExpect(redirectedUrl("/forgot-password/sent"));

		assertThat(events.stream(PasswordResetRequested.class)).isEmpty();
	}

	@Test
	void aNewerRequestReplacesTheEarlierLink() throws Exception {
		var first = requestLink(user.email().value());
		mvc.perform(request(user.email().value()));
		var links = TestMailServer.shared().awaitAll(user.email().value(), 2);
		var second = TestMailServer.link(links.get(1), "/password-reset/");

		mvc.perform(get(first)).andExpect(status().isNotFound());
		mvc.perform(get(second)).andExpect(status().isOk());
	}

	@Test
	void aLinkExpiresAfterOneHour() throws Exception {
		var link = requestLink(user.email().value());
		var event = events.stream(PasswordResetRequested.class).findFirst().orElseThrow();
		assertThat(Duration.between(Instant.now(), event.expiresAt())).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
		database.update("update setup_links set expires_at = ? where id = ?",
				java.sql.Timestamp.from(Instant.now().minusSeconds(1)), event.link().value());

		mvc.perform(get(link)).andExpect(status().isNotFound());
		mvc.perform(choose(link, NEW_PASSWORD, NEW_PASSWORD)).andExpect(status().isNotFound());
		assertThat(users.findById(user.id()).orElseThrow().passwordHash()).isEqualTo(user.passwordHash());
	}

	@Test
	void aShortOrUnrepeatedPasswordIsRefusedNextToItsFieldAndTheLinkStillWorks() throws Exception {
		var link = requestLink(user.email().value());
		mvc.perform(choose(link, "short", "short").header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attribute("errors", Matchers.hasEntry("password", "account.error.password.short")))
			.andExpect(content().string(Matchers.containsString("aria-describedby=\"password-error\"")));
		mvc.perform(choose(link, NEW_PASSWORD, NEW_PASSWORD + "!"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attribute("errors", Matchers.hasEntry("passwordRepeated", "account.error.password.mismatch")))
			.andExpect(content().string(Matchers.not(Matchers.containsString(NEW_PASSWORD))));

		assertThat(users.findById(user.id()).orElseThrow().passwordHash()).isEqualTo(user.passwordHash());
		mvc.perform(choose(link, NEW_PASSWORD, NEW_PASSWORD)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void anInvalidAddressIsRefusedNextToItsField() throws Exception {
		mvc.perform(request("someone@example.org\r\nBcc: all@example.org").header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(model().attribute("errors", Matchers.hasEntry("email", "account.error.email.invalid")))
			.andExpect(content().string(Matchers.containsString("aria-describedby=\"email-error\"")));
		assertThat(events.stream(PasswordResetRequested.class)).isEmpty();
	}

	@Test
	void aMalformedTokenGetsTheSamePageAsAnUnknownOne() throws Exception {
		mvc.perform(get("/password-reset/not-a-token")).andExpect(status().isNotFound());
		mvc.perform(get("/password-reset/" + "A".repeat(43))).andExpect(status().isNotFound())
			.andExpect(content().string(Matchers.containsString("/forgot-password")));
	}

	private String requestLink(String email) {
		try {
			mvc.perform(request(email)).andExpect(redirectedUrl("/forgot-password/sent"));
		}
		catch (Exception e) {
			throw new AssertionError(e);
		}
		// the token exists only in the mail: it is made when the mail is written
		return TestMailServer.link(TestMailServer.shared().await(email, "/password-reset/"), "/password-reset/");
	}

	private static MockHttpServletRequestBuilder request(String email) {
		return post("/forgot-password").with(csrf()).param("email", email);
	}

	private static MockHttpServletRequestBuilder choose(String link, String password, String repeated) {
		return post(link).with(csrf()).param("password", password).param("passwordRepeated", repeated);
	}
}

package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tresor.kernel.LinkToken;

@RecordApplicationEvents
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorIntegrationTests extends AccountIntegrationTestSupport {

	private static final Pattern LINK = Pattern.compile("http://localhost:8080/setup/([A-Za-z0-9_-]{43})");

	@Autowired
	FirstAdministratorAnnouncement announcement;

	@Autowired
	ApplicationEvents events;

	@Autowired
	FirstAdministrator firstAdministrator;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void withoutAdministrator() {
		users.deleteAll();
		links.deleteAll();
	}

	@Test
	void logsOneWarningWithAOneTimeLinkThatWorksOnce(CapturedOutput output) throws Exception {
		var before = output.getOut().length();
		announcement.announce();

		var lines = announcements(output, before);
		assertThat(lines).singleElement()
			.satisfies(line -> assertThat(line).contains("WARN")
				.contains("the link works once and expires in 24 hours."));
		var matcher = LINK.matcher(lines.get(0));
		assertThat(matcher.find()).isTrue();
		var token = matcher.group(1);

		mvc.perform(get("/setup/" + token)).andExpect(status().isOk());
		mvc.perform(create(token, "Admin@Example.org"))
			.andExpect(redirectedUrl("/login"))
			.andExpect(flash().attribute("flash", "account.setup.done"));

		var admin = users.findByEmail("admin@example.org").orElseThrow();
		assertThat(admin.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.STAFF);
		assertThat(admin.isActive()).isTrue();
		assertThat(admin.passwordHash()).hasValueSatisfying(hash -> assertThat(hash).startsWith("$argon2id$"));
		assertThat(admin.publicKey()).isPresent();
		assertThat(events.stream(AdministratorCreated.class)).containsExactly(new AdministratorCreated(admin.id()));

		mvc.perform(get("/setup/" + token)).andExpect(status().isNotFound());
		mvc.perform(create(token, "second@example.org")).andExpect(status().isNotFound());
		assertThat(users.findByEmail("second@example.org")).isEmpty();

		announcement.announce();
		assertThat(announcements(output, before)).hasSize(1);
	}

	private static List<String> announcements(CapturedOutput output, int from) {
		return output.getOut().substring(from).lines().filter(line -> line.contains("No administrator yet")).toList();
	}

	/** A second instance starting moments after the first must not kill the link the first one logged. */
	@Test
	void logsThatALinkIsPendingInsteadOfReplacingOneLoggedMomentsAgo(CapturedOutput output) throws Exception {
		var before = output.getOut().length();
		announcement.announce();
		announcement.announce();

		var lines = announcements(output, before);
		assertThat(lines).hasSize(2);
		var matcher = LINK.matcher(lines.get(0));
		assertThat(matcher.find()).isTrue();
		assertThat(lines.get(1)).contains("WARN").contains("The one-time link was logged at").doesNotContain("/setup/");
		mvc.perform(get("/setup/" + matcher.group(1))).andExpect(status().isOk());
	}

	@Test
	void replacesALinkLoggedLongerAgoOnTheNextStart(CapturedOutput output) throws Exception {
		var before = output.getOut().length();
		announcement.announce();
		jdbc.update("update setup_links set created_at = ? where purpose = 'FIRST_ADMIN'",
				java.sql.Timestamp.from(Instant.now().minus(FirstAdministratorAnnouncement.STARTED_TOGETHER.plusMinutes(1))));
		announcement.announce();

		var tokens = announcements(output, before).stream().map(LINK::matcher).filter(Matcher::find)
			.map(matcher -> matcher.group(1)).toList();
		assertThat(tokens).hasSize(2);
		mvc.perform(get("/setup/" + tokens.get(0))).andExpect(status().isNotFound());
		mvc.perform(get("/setup/" + tokens.get(1))).andExpect(status().isOk());
	}

	@Test
	void invalidatesOlderLinksWhenOfferingANewOne() throws Exception {
		var first = offer();
		var second = offer();
		mvc.perform(get("/setup/" + first.value())).andExpect(status().isNotFound());
		mvc.perform(get("/setup/" + second.value())).andExpect(status().isOk());
	}

	@Test
	void refusesExpiredAndUnknownLinks() throws Exception {
		var expired = LinkToken.random();
		links.save(SetupLink.forFirstAdministrator(expired, Instant.now().minus(Duration.ofDays(2)), Duration.ofDays(1)));
		mvc.perform(get("/setup/" + expired.value())).andExpect(status().isNotFound());
		mvc.perform(create(expired.value(), "late@example.org")).andExpect(status().isNotFound());
		mvc.perform(get("/setup/" + LinkToken.random().value())).andExpect(status().isNotFound());
		mvc.perform(get("/setup/not-a-token")).andExpect(status().isNotFound());
	}

	@Test
	void refusesAccountSetupLinksAsFirstAdministratorLinks() throws Exception {
		var invited = users.save(User.invited(EmailAddress.of(uniqueEmail("invited")), Set.of(Role.STAFF), "de",
				Instant.now()));
		var token = LinkToken.random();
		links.save(SetupLink.forAccount(token, invited.id(), Instant.now(), Duration.ofDays(1)));
		mvc.perform(get("/setup/" + token.value())).andExpect(status().isNotFound());
	}

	@Test
	void stopsWorkingOnceAnAdministratorExists() throws Exception {
		var token = offer();
		activeUser(uniqueEmail("other-admin"), Role.ADMIN, Role.STAFF);
		mvc.perform(get("/setup/" + token.value())).andExpect(status().isNotFound());
	}

	@Test
	void explainsTheRulesAndTheSecuPassBeforeTyping() throws Exception {
		mvc.perform(get("/setup/" + offer().value()).header("Accept-Language", "en"))
			.andExpect(content().string(Matchers.containsString("at least 12 characters")))
			.andExpect(content().string(Matchers.containsString("If you forget it, the documents sent to you")))
			.andExpect(content().string(Matchers.containsString("export your key")));
	}

	@Nested
	class Rejects {

		private LinkToken token;

		@BeforeEach
		void offerLink() {
			token = offer();
		}

		@Test
		void anInvalidEmailAndKeepsWhatWasTyped() throws Exception {
			mvc.perform(create(token.value(), "not-an-address"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(model().attribute("errors", Matchers.hasEntry("email", "account.error.email.invalid")))
				.andExpect(content().string(Matchers.containsString("value=\"not-an-address\"")))
				.andExpect(content().string(Matchers.containsString("aria-describedby=\"email-error\"")))
				.andExpect(content().string(Matchers.not(Matchers.containsString(PASSWORD))))
				.andExpect(content().string(Matchers.not(Matchers.containsString(SECUPASS))));
			assertThat(users.count()).isZero();
		}

		@Test
		void mismatchedPasswords() throws Exception {
			mvc.perform(create(token.value(), "a@example.org", PASSWORD, PASSWORD + "x", SECUPASS, SECUPASS))
				.andExpect(status().isUnprocessableContent())
				.andExpect(model().attribute("errors",
						Matchers.hasEntry("passwordRepeated", "account.error.password.mismatch")));
		}

		@Test
		void aShortPassword() throws Exception {
			mvc.perform(create(token.value(), "a@example.org", "short", "short", SECUPASS, SECUPASS))
				.andExpect(status().isUnprocessableContent())
				.andExpect(model().attribute("errors", Matchers.hasEntry("password", "account.error.password.short")));
		}

		@Test
		void aWeakSecuPass() throws Exception {
			mvc.perform(create(token.value(), "a@example.org", PASSWORD, PASSWORD, "password1234", "password1234"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(model().attribute("errors", Matchers.hasEntry("secuPass", "account.error.secuPass.weak")));
		}

		@Test
		void mismatchedSecuPasses() throws Exception {
			mvc.perform(create(token.value(), "a@example.org", PASSWORD, PASSWORD, SECUPASS, "Other-Schl0ssel!"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(model().attribute("errors",
						Matchers.hasEntry("secuPassRepeated", "account.error.secuPass.mismatch")));
		}

		@Test
		void aSecuPassEqualToThePassword() throws Exception {
			mvc.perform(create(token.value(), "a@example.org", SECUPASS, SECUPASS, SECUPASS, SECUPASS))
				.andExpect(status().isUnprocessableContent())
				.andExpect(model().attribute("errors",
						Matchers.hasEntry("secuPass", "account.error.secuPass.samePassword")));
			mvc.perform(get("/setup/" + token.value())).andExpect(status().isOk());
		}
	}

	private LinkToken offer() {
		return firstAdministrator.offerLink().orElseThrow();
	}

	static MockHttpServletRequestBuilder create(String token, String email) {
		return create(token, email, PASSWORD, PASSWORD, SECUPASS, SECUPASS);
	}

	static MockHttpServletRequestBuilder create(String token, String email, String password, String passwordRepeated,
			String secuPass, String secuPassRepeated) {
		return post("/setup/" + token).with(csrf())
			.param("email", email)
			.param("password", password)
			.param("passwordRepeated", passwordRepeated)
			.param("secuPass", secuPass)
			.param("secuPassRepeated", secuPassRepeated);
	}
}

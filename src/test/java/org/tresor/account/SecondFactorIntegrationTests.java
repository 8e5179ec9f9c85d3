package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Pattern;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** A TOTP app and recovery codes after the password, through Spring Security's factor authorities. */
@RecordApplicationEvents
class SecondFactorIntegrationTests extends AccountIntegrationTestSupport {

	private static final Pattern RECOVERY_CODE = Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");

	@Autowired
	ApplicationEvents events;

	@Autowired
	TotpCodes totp;

	@Autowired
	SealedSecrets sealed;

	@Autowired
	SecondFactors secondFactors;

	private User user;

	@BeforeEach
	void staffMember() {
		user = activeUser(uniqueEmail("two-factor"), Role.STAFF);
	}

	@Test
	void enrolsWithOneCodeOfTheOfferedSecretAndShowsTenRecoveryCodesOnce() throws Exception {
		var session = signIn();
		mvc.perform(get("/account/second-factor/setup").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.not(Matchers.containsString("qr.png"))));
		mvc.perform(post("/account/second-factor/setup").with(csrf()).session(session))
			.andExpect(redirectedUrl("/account/second-factor/setup"));
		var page = mvc.perform(get("/account/second-factor/setup").session(session).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("src=\"/account/second-factor/qr.png\"")))
			.andReturn().getResponse().getContentAsString();
		var secret = secretOn(page);
		mvc.perform(get("/account/second-factor/qr.png").session(session))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"))
			.andExpect(header().string("Cache-Control", Matchers.containsString("no-store")));

		var codesPage = mvc.perform(post("/account/second-factor/confirm").with(csrf()).session(session)
			.param("code", totp.code(secret, 0)).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
			.andExpect(content().string(Matchers.containsString("shown only now")))
			.andReturn().getResponse().getContentAsString();

		assertThat(RECOVERY_CODE.matcher(codesPage).results().map(match -> match.group()).distinct()).hasSize(10);
		var enrolled = users.findById(user.id()).orElseThrow();
		assertThat(enrolled.hasSecondFactor()).isTrue();
		assertThat(enrolled.totpSecret().orElseThrow()).as("sealed at rest").doesNotContain(secret);
		assertThat(sealed.open(enrolled.totpSecret().orElseThrow())).isEqualTo(secret);
		assertThat(events.stream(SecondFactorEnrolled.class)).hasSize(1);
		mvc.perform(get("/account").session(session).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Unused recovery codes: 10")));
	}

	@Test
	void aWrongCodeAtEnrolmentIsRefusedNextToItsFieldAndTheSameSecretIsOfferedAgain() throws Exception {
		var session = signIn();
		mvc.perform(post("/account/second-factor/setup").with(csrf()).session(session));
		var secret = secretOn(mvc.perform(get("/account/second-factor/setup").session(session))
			.andReturn().getResponse().getContentAsString());

		var page = mvc.perform(post("/account/second-factor/confirm").with(csrf()).session(session)
			.param("code", "000000").header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attribute("errors", Matchers.hasEntry("code", "account.error.secondFactor.wrongCode")))
			.andExpect(content().string(Matchers.containsString("aria-describedby=\"code-error\"")))
			.andReturn().getResponse().getContentAsString();

		assertThat(secretOn(page)).isEqualTo(secret);
		assertThat(users.findById(user.id()).orElseThrow().hasSecondFactor()).isFalse();
		assertThat(events.stream(SecondFactorFailed.class)).hasSize(1);
	}

	@Test
	void aPasswordSignInOfAnEnrolledAccountAsksForTheCodeBeforeAnythingElse() throws Exception {
		var secret = enrol();
		var session = signIn();
		mvc.perform(get("/inbox").session(session)).andExpect(redirectedUrl("/login/second-factor"));
		mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login/second-factor"));
		mvc.perform(get("/login/second-factor").session(session).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("autocomplete=\"one-time-code\"")));

		mvc.perform(post("/login/second-factor").with(csrf()).session(session).param("code", totp.code(secret, 1)))
			.andExpect(status().is3xxRedirection());

		mvc.perform(get("/inbox").session(session)).andExpect(status().isOk());
		assertThat(events.stream(SecondFactorPassed.class)).singleElement()
			.satisfies(event -> assertThat(event.recoveryCode()).isFalse());
	}

	@Test
	void aCodeWorksOnceAndAWrongOneIsRefusedAndAudited() throws Exception {
		var secret = enrol();
		var code = totp.code(secret, 1);
		var first = signIn();
		mvc.perform(post("/login/second-factor").with(csrf()).session(first).param("code", code))
			.andExpect(status().is3xxRedirection());

		var second = signIn();
		mvc.perform(post("/login/second-factor").with(csrf()).session(second).param("code", code)
			.header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(Matchers.containsString("wrong or was used already")));
		mvc.perform(post("/login/second-factor").with(csrf()).session(second).param("code", "12345x"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(get("/inbox").session(second)).andExpect(redirectedUrl("/login/second-factor"));
		assertThat(events.stream(SecondFactorFailed.class)).hasSize(2);
	}

	@Test
	void aRecoveryCodeStandsInForTheAppOnce() throws Exception {
		var codes = enrolWithCodes();
		var session = signIn();
		mvc.perform(post("/login/second-factor/recovery").with(csrf()).session(session)
			.param("recoveryCode", codes.get(3).toLowerCase().replace("-", " ")))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/inbox").session(session)).andExpect(status().isOk());
		assertThat(events.stream(SecondFactorPassed.class)).singleElement()
			.satisfies(event -> assertThat(event.recoveryCode()).isTrue());

		var again = signIn();
		mvc.perform(post("/login/second-factor/recovery").with(csrf()).session(again).param("recoveryCode", codes.get(3)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attribute("errors",
					Matchers.hasEntry("recoveryCode", "account.error.secondFactor.wrongRecoveryCode")));
		mvc.perform(get("/inbox").session(again)).andExpect(redirectedUrl("/login/second-factor"));
	}

	/** Else whoever has the password alone could replace the victim's app with their own. */
	@Test
	void aSessionWithThePasswordOnlyCannotEnrolAnotherApp() throws Exception {
		var secret = enrol();
		var session = signIn();
		mvc.perform(get("/account/second-factor/setup").session(session)).andExpect(redirectedUrl("/account"));
		mvc.perform(post("/account/second-factor/setup").with(csrf()).session(session)).andExpect(redirectedUrl("/account"));
		mvc.perform(get("/account/second-factor/qr.png").session(session)).andExpect(status().isNotFound());
		mvc.perform(post("/account/second-factor/confirm").with(csrf()).session(session).param("code", "123456"))
			.andExpect(redirectedUrl("/account"));
		mvc.perform(post("/account/second-factor/remove").with(csrf()).session(session).param("confirm", "yes"))
			.andExpect(redirectedUrl("/login/second-factor"));

		assertThat(sealed.open(users.findById(user.id()).orElseThrow().totpSecret().orElseThrow())).isEqualTo(secret);
	}

	@Test
	void removingTheSecondFactorAsksForTheTickBox() throws Exception {
		var secret = enrol();
		var session = signIn();
		mvc.perform(post("/login/second-factor").with(csrf()).session(session).param("code", totp.code(secret, 1)));

		mvc.perform(post("/account/second-factor/remove").with(csrf()).session(session))
			.andExpect(status().isBadRequest())
			.andExpect(model().attribute("unconfirmed", "confirm-remove-second-factor"));
		assertThat(users.findById(user.id()).orElseThrow().hasSecondFactor()).isTrue();

		mvc.perform(post("/account/second-factor/remove").with(csrf()).session(session).param("confirm", "yes"))
			.andExpect(redirectedUrl("/account"));
		assertThat(users.findById(user.id()).orElseThrow().hasSecondFactor()).isFalse();
		assertThat(events.stream(SecondFactorRemoved.class)).singleElement()
			.satisfies(event -> assertThat(event.by()).isEqualTo(user.id()));
		mvc.perform(get("/inbox").session(signIn())).andExpect(status().isOk());
	}

	@Test
	void whileAdministratorsRequireItStaffWithoutOneAreLedToEnrolAndExternalsAreNot() throws Exception {
		var admin = activeUser(uniqueEmail("policy-admin"), Role.ADMIN, Role.STAFF);
		var external = activeUser(uniqueEmail("policy-external"), Role.EXTERNAL);
		mvc.perform(post("/admin/users/second-factor").with(csrf()).with(signedIn(admin)).param("required", "true"))
			.andExpect(redirectedUrl("/admin/users"));
		try {
			assertThat(events.stream(SecondFactorPolicyChanged.class)).singleElement()
				.satisfies(event -> assertThat(event.required()).isTrue());
			var session = signIn();
			mvc.perform(get("/inbox").session(session)).andExpect(redirectedUrl("/account/second-factor/setup"));
			mvc.perform(get("/account/second-factor/setup").session(session).header("Accept-Language", "en"))
				.andExpect(content().string(Matchers.containsString("The administrators require a second factor")));
			mvc.perform(post("/account/second-factor/setup").with(csrf()).session(session));
			var page = mvc.perform(get("/account/second-factor/setup").session(session))
				.andReturn().getResponse().getContentAsString();
			mvc.perform(post("/account/second-factor/confirm").with(csrf()).session(session)
				.param("code", totp.code(secretOn(page), 0))).andExpect(status().isOk());
			mvc.perform(get("/inbox").session(session)).andExpect(status().isOk());

			var externalSession = signIn(external);
			mvc.perform(get("/received").session(externalSession)).andExpect(status().isOk());
		}
		finally {
			secondFactors.requireOfStaff(false, admin.id());
		}
	}

	private String enrol() {
		var secret = secondFactors.offer(user.id()).replace(" ", "");
		secondFactors.confirm(user.id(), totp.code(secret, 0));
		return secret;
	}

	private List<String> enrolWithCodes() {
		var secret = secondFactors.offer(user.id()).replace(" ", "");
		return secondFactors.confirm(user.id(), totp.code(secret, 0));
	}

	private MockHttpSession signIn() throws Exception {
		return signIn(user);
	}

	private MockHttpSession signIn(User who) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").userParameter("email").user(who.email().value())
			.password(PASSWORD)).andExpect(authenticated()).andReturn().getRequest().getSession(false);
	}

	private static String secretOn(String page) {
		var matcher = Pattern.compile("<code id=\"secret\">([A-Z2-7 ]+)</code>").matcher(page);
		assertThat(matcher.find()).as("secret on the page").isTrue();
		return matcher.group(1).replace(" ", "");
	}
}

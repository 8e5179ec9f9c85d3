package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tresor.crypto.Envelopes;
import org.tresor.crypto.KeyPacket;
import org.tresor.crypto.UnlockedKey;
import org.tresor.crypto.SecuPass;
import org.tresor.crypto.WrongSecuPassException;

/** {@code /account/secupass}: the same key, locked by another SecuPass. */
@RecordApplicationEvents
class SecuPassChangeIntegrationTests extends AccountIntegrationTestSupport {

	private static final String NEW_SECUPASS = "Neuer-Schl0ssel?";

	private static final byte[] PLAINTEXT = "sent before the change".getBytes(StandardCharsets.UTF_8);

	@Autowired
	ApplicationEvents events;

	@Autowired
	Envelopes envelopes;

	private User user;

	@BeforeEach
	void signIn() {
		user = activeUser(uniqueEmail("changer"), Role.STAFF);
	}

	@Test
	void locksTheSameKeyWithTheNewSecuPassOnlyAndRenewsTheSessionId() throws Exception {
		var sentBefore = encryptTo(user);
		var session = new MockHttpSession();
		var idBefore = session.getId();
		mvc.perform(change(SECUPASS, NEW_SECUPASS, NEW_SECUPASS).session(session))
			.andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("flash", "account.secuPass.changed"));

		var after = users.findById(user.id()).orElseThrow();
		assertThat(after.publicKey().orElseThrow().fingerprint()).isEqualTo(user.publicKey().orElseThrow().fingerprint());
		assertThat(after.passwordHash()).isEqualTo(user.passwordHash());
		try (var next = SecuPass.of(NEW_SECUPASS); var old = SecuPass.of(SECUPASS)) {
			assertThat(decrypt(sentBefore, keys.unlock(after.secretKey().orElseThrow(), next))).isEqualTo(PLAINTEXT);
			assertThatExceptionOfType(WrongSecuPassException.class)
				.isThrownBy(() -> keys.unlock(after.secretKey().orElseThrow(), old));
		}
		assertThat(session.getId()).isNotEqualTo(idBefore);
		assertThat(events.stream(SecuPassChanged.class)).singleElement()
			.satisfies(event -> assertThat(event.user()).isEqualTo(user.id()));
	}

	@Test
	void theAccountPageOffersTheChangeWithItsRules() throws Exception {
		mvc.perform(get("/account").with(signedIn(user)).header("Accept-Language", "en"))
			.andExpect(content().string(Matchers.containsString("action=\"/account/secupass\"")))
			.andExpect(content().string(Matchers.containsString("It stays the same key")));
	}

	@Test
	void aWrongCurrentSecuPassChangesNothing() throws Exception {
		mvc.perform(change("Falscher-Schl0ssel!", NEW_SECUPASS, NEW_SECUPASS).header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attribute("errors", Matchers.hasEntry("currentSecuPass", "account.error.secuPass.wrong")))
			.andExpect(content().string(Matchers.containsString("aria-describedby=\"currentSecuPass-error\"")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("Falscher-Schl0ssel!"))))
			.andExpect(content().string(Matchers.not(Matchers.containsString(NEW_SECUPASS))));
		assertUnchanged();
	}

	@Test
	void aWeakNewSecuPassIsRefusedNextToItsFieldInTheUsersLanguage() throws Exception {
		mvc.perform(change(SECUPASS, "kurz", "kurz"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attribute("errors", Matchers.hasEntry("newSecuPass", "account.error.secuPass.weak")))
			.andExpect(content().string(Matchers.containsString("zu schwach")));
		assertUnchanged();
	}

	@Test
	void aNewSecuPassNotRepeatedExactlyIsRefused() throws Exception {
		mvc.perform(change(SECUPASS, NEW_SECUPASS, NEW_SECUPASS + "x"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attribute("errors",
					Matchers.hasEntry("newSecuPassRepeated", "account.error.secuPass.mismatch")));
		assertUnchanged();
	}

	@Test
	void aNewSecuPassThatIsThePasswordIsRefused() throws Exception {
		var strongPassword = "Passwort-und-Schl0ssel!";
		var sameAsPassword = activeUser(uniqueEmail("same"), Role.EXTERNAL);
		var withPassword = users.findById(sameAsPassword.id()).orElseThrow();
		withPassword.rehashPassword(passwords.encode(strongPassword));
		users.save(withPassword);

		mvc.perform(post("/account/secupass").with(csrf()).with(signedIn(sameAsPassword))
			.param("currentSecuPass", SECUPASS).param("newSecuPass", strongPassword)
			.param("newSecuPassRepeated", strongPassword))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attribute("errors", Matchers.hasEntry("newSecuPass", "account.error.secuPass.samePassword")));
		try (var old = SecuPass.of(SECUPASS)) {
			assertThat(keys.unlock(users.findById(sameAsPassword.id()).orElseThrow().secretKey().orElseThrow(), old))
				.isNotNull();
		}
	}

	@Test
	void needsASignedInUser() throws Exception {
		mvc.perform(post("/account/secupass").with(csrf()).param("currentSecuPass", SECUPASS)
			.param("newSecuPass", NEW_SECUPASS).param("newSecuPassRepeated", NEW_SECUPASS))
			.andExpect(status().is3xxRedirection());
		assertUnchanged();
	}

	private record Sent(KeyPacket packet, byte[] body) {
	}

	private Sent encryptTo(User recipient) throws IOException {
		var body = new ByteArrayOutputStream();
		List<KeyPacket> packets;
		try (var encrypting = envelopes.encrypt(List.of(recipient.publicKey().orElseThrow()), "", body)) {
			encrypting.write(PLAINTEXT);
			encrypting.close();
			packets = encrypting.keyPackets();
		}
		return new Sent(packets.get(0), body.toByteArray());
	}

	private byte[] decrypt(Sent sent, UnlockedKey key) throws IOException {
		try (var in = envelopes.decrypt(key, sent.packet(), new ByteArrayInputStream(sent.body()))) {
			return in.readAllBytes();
		}
	}

	private MockHttpServletRequestBuilder change(String current, String next, String repeated) {
		return post("/account/secupass").with(csrf()).with(signedIn(user))
			.param("currentSecuPass", current)
			.param("newSecuPass", next)
			.param("newSecuPassRepeated", repeated);
	}

	private void assertUnchanged() {
		try (var old = SecuPass.of(SECUPASS)) {
			assertThat(keys.unlock(users.findById(user.id()).orElseThrow().secretKey().orElseThrow(), old)).isNotNull();
		}
		assertThat(events.stream(SecuPassChanged.class)).isEmpty();
	}
}

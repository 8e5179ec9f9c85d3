package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Instant;
import java.util.Set;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Removing passkeys: one's own goes, with an audit entry; another's, an unknown or a malformed id leave every
 * passkey as it was; the login page ignores a refusal reason it does not know.
 */
@RecordApplicationEvents
class PasskeyRemovalIntegrationTests extends AccountIntegrationTestSupport {

	@Autowired
	Passkeys passkeys;

	@Autowired
	PublicKeyCredentialUserEntityRepository userEntities;

	@Autowired
	ApplicationEvents events;

	@Test
	void removesOnesOwnPasskeyAndAuditsIt() throws Exception {
		var owner = activeUser(uniqueEmail("owner"), Role.STAFF);
		var id = passkeyOf(owner, "Laptop");

		mvc.perform(post("/account/passkeys/remove").with(csrf()).with(signedIn(owner)).param("id", id))
			.andExpect(redirectedUrl("/account"));

		assertThat(passkeys.of(owner.id())).isEmpty();
		assertThat(events.stream(PasskeyRemoved.class)).singleElement()
			.satisfies(event -> assertThat(event.label()).isEqualTo("Laptop"));
	}

	@Test
	void leavesAnotherAccountsPasskeyAndIgnoresUnknownAndMalformedIds() throws Exception {
		var owner = activeUser(uniqueEmail("victim"), Role.STAFF);
		var intruder = activeUser(uniqueEmail("intruder"), Role.STAFF);
		var id = passkeyOf(owner, "Laptop");

		for (var attempt : new String[] { id, Bytes.random().toBase64UrlString(), "not base64 at all!", "" }) {
			mvc.perform(post("/account/passkeys/remove").with(csrf()).with(signedIn(intruder)).param("id", attempt))
				.andExpect(redirectedUrl("/account"));
		}

		assertThat(passkeys.of(owner.id())).extracting(Passkeys.Passkey::label).containsExactly("Laptop");
		assertThat(events.stream(PasskeyRemoved.class)).isEmpty();
	}

	@Test
	void theLoginPageShowsOnlyTheRefusalReasonsItKnows() throws Exception {
		mvc.perform(get("/login").param("sso", "<script>alert(1)</script>").header("Accept-Language", "en"))
			.andExpect(model().attributeDoesNotExist("ssoRefusal"))
			.andExpect(content().string(Matchers.not(Matchers.containsString("<script>alert(1)"))))
			.andExpect(content().string(Matchers.not(Matchers.containsString("??"))));
		mvc.perform(get("/login").param("sso", "tresor_unknown_account").header("Accept-Language", "en"))
			.andExpect(model().attribute("ssoRefusal", "account.login.sso.tresor_unknown_account"));
	}

	/** A passkey as Spring Security's registration stores it; its public key is never used here. */
	private String passkeyOf(User user, String label) {
		var entity = ImmutablePublicKeyCredentialUserEntity.builder()
			.id(Bytes.random())
			.name(user.email().value())
			.displayName(user.email().value())
			.build();
		userEntities.save(entity);
		var credentialId = Bytes.random();
		passkeys.save(ImmutableCredentialRecord.builder()
			.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.credentialId(credentialId)
			.userEntityUserId(entity.getId())
			.publicKey(new ImmutablePublicKeyCose(new byte[] { 1, 2, 3 }))
			.signatureCount(0)
			.uvInitialized(true)
			.transports(Set.of())
			.backupEligible(false)
			.backupState(false)
			.label(label)
			.created(Instant.now())
			.lastUsed(Instant.now())
			.build());
		return credentialId.toBase64UrlString();
	}
}

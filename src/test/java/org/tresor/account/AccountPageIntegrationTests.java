package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountPageIntegrationTests extends AccountIntegrationTestSupport {

	private User user;

	@BeforeEach
	void signIn() {
		user = activeUser(uniqueEmail("me"), Role.STAFF);
	}

	@Test
	void showsAddressFingerprintAndNavigation() throws Exception {
		var fingerprint = user.publicKey().orElseThrow().fingerprint();
		mvc.perform(get("/account").with(signedIn(user)).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString(user.email().value())))
			.andExpect(content().string(Matchers.containsString(fingerprint.substring(0, 4) + " " + fingerprint.substring(4, 8))))
			.andExpect(content().string(Matchers.containsString("Download public key")))
			.andExpect(content().string(Matchers.containsString("href=\"/inbox\"")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("href=\"/admin/users\""))))
			.andExpect(content().string(Matchers.containsString("action=\"/logout\"")));
	}

	@Test
	void offersThePublicKeyAsArmoredDownload() throws Exception {
		mvc.perform(get("/account/public-key").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pgp-keys"))
			.andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment;")))
			.andExpect(content().string(Matchers.startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----")));
	}

	@Test
	void exportsTheSecretKeyForTheRightSecuPass() throws Exception {
		var response = mvc.perform(post("/account/secret-key").with(csrf()).with(signedIn(user)).param("secuPass", SECUPASS))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pgp-keys"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"tresor-secret-key.asc\""))
			.andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
			.andReturn()
			.getResponse();
		assertThat(response.getContentAsString()).startsWith("-----BEGIN PGP PRIVATE KEY BLOCK-----");
	}

	@Test
	void refusesTheExportForAWrongSecuPass() throws Exception {
		mvc.perform(post("/account/secret-key").with(csrf()).with(signedIn(user)).param("secuPass", "Wrong-Schl0ssel!")
			.header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attribute("errors", Matchers.hasEntry("secuPass", "account.error.secuPass.wrong")))
			.andExpect(content().string(Matchers.containsString("This SecuPass does not unlock your key.")))
			.andExpect(content().string(Matchers.containsString("aria-describedby=\"secuPass-error\"")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("Wrong-Schl0ssel!"))));
	}

	@Test
	void needsASignedInUser() throws Exception {
		mvc.perform(get("/account/public-key")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/account/secret-key").with(csrf()).param("secuPass", SECUPASS))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void showsAdministratorsTheirMenu() throws Exception {
		mvc.perform(get("/account").with(signedIn(activeUser(uniqueEmail("boss"), Role.ADMIN, Role.STAFF))))
			.andExpect(content().string(Matchers.containsString("href=\"/admin/users\"")));
	}
}

package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tresor.kernel.LinkToken;
import org.tresor.RateLimitedIntegrationTest;
import org.tresor.crypto.SecuPass;
import org.tresor.crypto.UserKeyPair;

/**
 * Logins and SecuPass entries: rate limits per client and per address, lockouts after wrong passwords and
 * SecuPasses per account and per client, over-long secrets refused before any hashing, and the dummy Argon2
 * check for unknown addresses.
 */
class LoginProtectionIntegrationTests extends RateLimitedIntegrationTest {

	static final String PASSWORD = "correct horse battery";

	static final String SECUPASS = "Tresor-Schl0ssel!";

	@Autowired
	Users users;

	@Autowired
	SetupLinks links;

	@Autowired
	SecondFactors secondFactors;

	@Autowired
	TotpCodes totp;

	private static UserKeyPair keyPair;

	@Nested
	class LoginRateLimits {

		@Test
		void refusesLoginsFromOneClientBeyondTheLimitEvenWithTheRightPassword() throws Exception {
			var client = someAddress();
			var first = activeUser(PASSWORD);
			var second = activeUser(PASSWORD);
			for (int i = 0; i < LOGINS_PER_ADDRESS; i++) {
				logIn(i % 2 == 0 ? first : second, PASSWORD, client).andExpect(redirectedUrl("/"));
			}
			logIn(first, PASSWORD, client).andExpect(status().isTooManyRequests())
				.andExpect(retryAfterAbout(600));
			logIn(first, PASSWORD, someAddress()).andExpect(redirectedUrl("/"));
		}

		@Test
		void refusesLoginsForOneAddressFromAnyClientBeyondTheLimit() throws Exception {
			var user = activeUser(PASSWORD);
			for (int i = 0; i < LOGINS_PER_EMAIL; i++) {
				logIn(user, PASSWORD, someAddress()).andExpect(redirectedUrl("/"));
			}
			logIn(user, PASSWORD, someAddress()).andExpect(status().isTooManyRequests());
		}
	}

	@Nested
	class WrongPasswords {

		@Test
		void lockTheAccountSoEvenTheRightPasswordIsRefused() throws Exception {
			var user = activeUser(PASSWORD);
			for (int i = 0; i < WRONG_PASSWORDS_PER_ACCOUNT; i++) {
				logIn(user, "wrong password " + i, someAddress()).andExpect(redirectedUrl("/login?error"));
			}
			clearInvocations(passwordEncoder);
			logIn(user, PASSWORD, someAddress()).andExpect(status().isTooManyRequests())
				.andExpect(retryAfterAbout(1200));
			verify(passwordEncoder, never()).matches(any(), any());
		}

		/** A second factor after the password does not give an attacker who has the password more guesses. */
		@Test
		void wrongSecondFactorCodesCountTheSameAndLockTheAccount() throws Exception {
			var user = activeUser(PASSWORD);
			var secret = secondFactors.offer(user.id()).replace(" ", "");
			secondFactors.confirm(user.id(), totp.code(secret, 0));
			var client = someAddress();
			var session = (org.springframework.mock.web.MockHttpSession) logIn(user, PASSWORD, client)
				.andReturn().getRequest().getSession(false);
			for (int i = 0; i < WRONG_PASSWORDS_PER_ACCOUNT; i++) {
				mvc.perform(post("/login/second-factor").param("code", "00000" + i).session(session).with(csrf())
					.with(from(client))).andExpect(status().isUnprocessableContent());
			}
			mvc.perform(post("/login/second-factor").param("code", totp.code(secret, 1)).session(session).with(csrf())
				.with(from(client))).andExpect(status().isTooManyRequests());
			logIn(user, PASSWORD, someAddress()).andExpect(status().isTooManyRequests());
		}

		@Test
		void lockTheAccountWhateverTheCaseOfTheAddress() throws Exception {
			var user = activeUser(PASSWORD);
			var email = user.email().value();
			var variants = new String[] { email.toUpperCase(), " " + email, email.substring(0, 1).toUpperCase() + email.substring(1) };
			for (int i = 0; i < WRONG_PASSWORDS_PER_ACCOUNT; i++) {
				logIn(variants[i], "wrong password " + i, someAddress()).andExpect(redirectedUrl("/login?error"));
			}
			logIn(email, PASSWORD, someAddress()).andExpect(status().isTooManyRequests());
		}

		@Test
		void lockOnlyTheAccountAttacked() throws Exception {
			var attacked = activeUser(PASSWORD);
			var other = activeUser(PASSWORD);
			var attacker = someAddress();
			for (int i = 0; i < WRONG_PASSWORDS_PER_ACCOUNT; i++) {
				logIn(attacked, "wrong password " + i, attacker).andExpect(redirectedUrl("/login?error"));
			}
			logIn(attacked, PASSWORD, someAddress()).andExpect(status().isTooManyRequests());
			logIn(other, PASSWORD, someAddress()).andExpect(redirectedUrl("/"));
		}

		@Test
		void lockAnUnknownAddressJustLikeAnAccount() throws Exception {
			var unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
			for (int i = 0; i < WRONG_PASSWORDS_PER_ACCOUNT; i++) {
				logIn(unknown, "wrong password " + i, someAddress()).andExpect(redirectedUrl("/login?error"));
			}
			logIn(unknown, "wrong password", someAddress()).andExpect(status().isTooManyRequests());
		}

		@Test
		void lockTheClientThatTriesManyAccounts() throws Exception {
			var attacker = someAddress();
			for (int i = 0; i < WRONG_PASSWORDS_PER_ADDRESS; i++) {
				logIn(activeUser(PASSWORD), "wrong password", attacker).andExpect(redirectedUrl("/login?error"));
			}
			var user = activeUser(PASSWORD);
			logIn(user, PASSWORD, attacker).andExpect(status().isTooManyRequests());
			logIn(user, PASSWORD, someAddress()).andExpect(redirectedUrl("/"));
		}

		@Test
		void unlockTheAccountOneAttemptAtATimeAsTimePasses() throws Exception {
			var user = activeUser(PASSWORD);
			for (int i = 0; i < WRONG_PASSWORDS_PER_ACCOUNT; i++) {
				logIn(user, "wrong password " + i, someAddress()).andExpect(redirectedUrl("/login?error"));
			}
			clock.advance(Duration.ofMinutes(20));
			logIn(user, "wrong again", someAddress()).andExpect(redirectedUrl("/login?error"));
			logIn(user, PASSWORD, someAddress()).andExpect(status().isTooManyRequests());
			clock.advance(Duration.ofMinutes(20));
			logIn(user, PASSWORD, someAddress()).andExpect(redirectedUrl("/"));
		}
	}

	@Nested
	class PasswordLength {

		@Test
		void refusesAPasswordOver1024CharactersBeforeHashingIt() throws Exception {
			var user = activeUser(PASSWORD);
			clearInvocations(passwordEncoder);
			logIn(user, "x".repeat(1025), someAddress()).andExpect(redirectedUrl(LoginGuard.TOO_LONG_URL));
			verify(passwordEncoder, never()).matches(any(), any());
			mvc.perform(get(LoginGuard.TOO_LONG_URL).header("Accept-Language", "en"))
				.andExpect(content().string(Matchers.containsString("a password has at most 1024 characters")));
			mvc.perform(get(LoginGuard.TOO_LONG_URL).header("Accept-Language", "de"))
				.andExpect(content().string(Matchers.containsString("Ein Passwort hat höchstens 1024 Zeichen")));
		}

		@Test
		void acceptsLongPasswords() throws Exception {
			var password = "a long passphrase, ".repeat(10) + "and the end";
			assertThat(password).hasSizeGreaterThan(64);
			logIn(activeUser(password), password, someAddress()).andExpect(redirectedUrl("/"));
		}
	}

	@Nested
	class PasswordHashes {

		@Test
		void madeWithTheEarlier16MiBAreRehashedAtTheNextLogin() throws Exception {
			var email = someEmail();
			var user = User.invited(EmailAddress.of(email), Set.of(Role.STAFF), "en", Instant.now());
			user.activate(org.springframework.security.crypto.argon2.Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()
				.encode(PASSWORD), keyPair(), Instant.now());
			users.save(user);
			logIn(email, PASSWORD, someAddress()).andExpect(redirectedUrl("/"));
			assertThat(users.findByEmail(EmailAddress.of(email)).orElseThrow().passwordHash().orElseThrow())
				.startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
			logIn(email, PASSWORD, someAddress()).andExpect(redirectedUrl("/"));
		}
	}

	@Nested
	class UnknownAddresses {

		@Test
		void costAnArgon2CheckWithTheParametersOfARealHash() throws Exception {
			var password = "some password " + UUID.randomUUID();
			clearInvocations(passwordEncoder);
			logIn("nobody-" + UUID.randomUUID() + "@example.org", password, someAddress())
				.andExpect(redirectedUrl("/login?error"));
			verify(passwordEncoder).matches(eq(password),
					argThat(hash -> hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")));
		}
	}

	@Nested
	class WrongSecuPasses {

		@Test
		void lockTheAccountSoEvenTheRightSecuPassIsRefusedBeforeArgon2() throws Exception {
			var user = activeUser(PASSWORD);
			for (int i = 0; i < WRONG_SECUPASSES_PER_ACCOUNT; i++) {
				exportKey(user, "Wrong-SecuPass-" + i, someAddress()).andExpect(status().isUnprocessableContent());
			}
			clearInvocations(keys);
			exportKey(user, SECUPASS, someAddress()).andExpect(status().isTooManyRequests())
				.andExpect(retryAfterAbout(1200));
			verify(keys, never()).unlock(any(), any());
		}

		@Test
		void countTheSameWhenChangingTheSecuPass() throws Exception {
			var user = activeUser(PASSWORD);
			for (int i = 0; i < WRONG_SECUPASSES_PER_ACCOUNT; i++) {
				changeSecuPass(user, "Wrong-SecuPass-" + i).andExpect(status().isUnprocessableContent());
			}
			clearInvocations(keys);
			exportKey(user, SECUPASS, someAddress()).andExpect(status().isTooManyRequests());
			changeSecuPass(user, SECUPASS).andExpect(status().isTooManyRequests());
			verify(keys, never()).reprotect(any(), any(), any());
		}

		@Test
		void lockOnlyTheAccountAttacked() throws Exception {
			var attacked = activeUser(PASSWORD);
			var other = activeUser(PASSWORD);
			for (int i = 0; i < WRONG_SECUPASSES_PER_ACCOUNT; i++) {
				exportKey(attacked, "Wrong-SecuPass-" + i, someAddress()).andExpect(status().isUnprocessableContent());
			}
			exportKey(attacked, SECUPASS, someAddress()).andExpect(status().isTooManyRequests());
			exportKey(other, SECUPASS, someAddress()).andExpect(status().isOk());
		}

		@Test
		void lockTheClientThatTriesManyAccounts() throws Exception {
			var attacker = someAddress();
			for (int i = 0; i < WRONG_SECUPASSES_PER_ADDRESS; i++) {
				exportKey(activeUser(PASSWORD), "Wrong-SecuPass", attacker).andExpect(status().isUnprocessableContent());
			}
			var user = activeUser(PASSWORD);
			exportKey(user, SECUPASS, attacker).andExpect(status().isTooManyRequests());
			exportKey(user, SECUPASS, someAddress()).andExpect(status().isOk());
		}

		@Test
		void areRateLimitedPerClientEvenWhenRight() throws Exception {
			var client = someAddress();
			var user = activeUser(PASSWORD);
			for (int i = 0; i < SECUPASS_ENTRIES_PER_ADDRESS; i++) {
				exportKey(user, SECUPASS, client).andExpect(status().isOk());
			}
			exportKey(user, SECUPASS, client).andExpect(status().isTooManyRequests());
		}

		@Test
		void refuseASecuPassOver1024CharactersBeforeArgon2() throws Exception {
			var user = activeUser(PASSWORD);
			clearInvocations(keys);
			exportKey(user, "Aa1!".repeat(257), someAddress()).andExpect(status().isUnprocessableContent());
			verify(keys, never()).unlock(any(), any());
		}
	}

	@Nested
	class SetupForms {

		@Test
		void refuseAPasswordOrSecuPassOver1024CharactersWithAClearMessage() throws Exception {
			var token = invitation();
			var tooLong = "Aa1!".repeat(257);
			clearInvocations(passwordEncoder, keys);
			activate(token, tooLong, SECUPASS).andExpect(status().isUnprocessableContent())
				.andExpect(content().string(Matchers.containsString("The password must be at most 1024 characters long.")));
			activate(token, PASSWORD, tooLong).andExpect(status().isUnprocessableContent())
				.andExpect(content().string(Matchers.containsString("The SecuPass must be at most 1024 characters long.")));
			verify(passwordEncoder, never()).encode(anyString());
			verify(keys, never()).generate(anyString(), any());
		}

		@Test
		void acceptLongPasswordsAndSecuPasses() throws Exception {
			var password = "a long passphrase, ".repeat(10);
			var secuPass = "Ein langer Satz als SecuPass, ".repeat(10);
			activate(invitation(), password, secuPass).andExpect(redirectedUrl("/login"));
		}

		@Test
		void areRateLimitedPerClient() throws Exception {
			var client = someAddress();
			for (int i = 0; i < SETUPS_PER_ADDRESS; i++) {
				mvc.perform(post("/account/setup/" + LinkToken.random().value()).with(csrf()).with(from(client)))
					.andExpect(status().isNotFound());
			}
			mvc.perform(post("/account/setup/" + invitation().value()).with(csrf()).with(from(client)))
				.andExpect(status().isTooManyRequests());
			mvc.perform(post("/setup/" + LinkToken.random().value()).with(csrf()).with(from(client)))
				.andExpect(status().isTooManyRequests());
		}

		private ResultActions activate(LinkToken token, String password, String secuPass) throws Exception {
			return mvc.perform(post("/account/setup/" + token.value()).header("Accept-Language", "en")
				.param("password", password)
				.param("passwordRepeated", password)
				.param("secuPass", secuPass)
				.param("secuPassRepeated", secuPass)
				.with(csrf())
				.with(from(someAddress())));
		}

		private LinkToken invitation() {
			var user = users.save(User.invited(EmailAddress.of(someEmail()), Set.of(Role.EXTERNAL), "en", Instant.now()));
			var token = LinkToken.random();
			links.save(SetupLink.forAccount(token, user.id(), Instant.now(), Duration.ofDays(7)));
			return token;
		}
	}

	/**
	 * Argon2 (password hashes, the key of a set-up) takes a fraction of a second and waits for a permit when many
	 * run: no database connection may be held meanwhile, or a burst of sign-ins and set-ups holds the whole
	 * pool. A thread holds one while a transaction (or an entity manager, or a connection) is bound to it.
	 */
	@Nested
	class NoConnectionHeldWhileHashing {

		final List<String> heldDuring = new CopyOnWriteArrayList<>();

		@BeforeEach
		void recordWhatIsHeld() {
			doAnswer(invocation -> record("encode", invocation)).when(passwordEncoder).encode(any());
			doAnswer(invocation -> record("matches", invocation)).when(passwordEncoder).matches(any(), any());
			doAnswer(invocation -> record("generate", invocation)).when(keys).generate(anyString(), any());
		}

		@Test
		void whenSettingUpAnAccount() throws Exception {
			new SetupForms().activate(new SetupForms().invitation(), PASSWORD, SECUPASS)
				.andExpect(redirectedUrl("/login"));
			assertThat(heldDuring).isEmpty();
		}

		@Test
		void whenSigningIn() throws Exception {
			var user = activeUser(PASSWORD);
			heldDuring.clear();
			logIn(user, PASSWORD, someAddress()).andExpect(redirectedUrl("/"));
			logIn(user, "wrong password", someAddress()).andExpect(status().is3xxRedirection());
			assertThat(heldDuring).isEmpty();
		}

		@Test
		void whenChangingThePassword() throws Exception {
			var user = activeUser(PASSWORD);
			heldDuring.clear();
			mvc.perform(post("/account/password").param("currentPassword", PASSWORD)
				.param("newPassword", "another horse battery")
				.param("newPasswordRepeated", "another horse battery")
				.with(user(AccountUser.of(user)))
				.with(csrf())
				.with(from(someAddress()))).andExpect(status().is3xxRedirection());
			assertThat(users.findById(user.id()).flatMap(User::passwordHash).orElseThrow())
				.as("the new password is set").isNotEqualTo(user.passwordHash().orElseThrow());
			assertThat(heldDuring).isEmpty();
		}

		@Test
		void signInAnswersUnavailableWithRetryAfterWhilePasswordHashingIsSaturated() throws Exception {
			var user = activeUser(PASSWORD);
			var client = someAddress();
			doThrow(new PasswordHashingBusyException()).when(passwordEncoder).matches(any(), any());
			logIn(user, PASSWORD, client).andExpect(status().isServiceUnavailable());
			doAnswer(invocation -> invocation.callRealMethod()).when(passwordEncoder).matches(any(), any());
			logIn(user, PASSWORD, client).andExpect(redirectedUrl("/"));
		}

		private Object record(String step, org.mockito.invocation.InvocationOnMock invocation) throws Throwable {
			if (TransactionSynchronizationManager.isActualTransactionActive()
					|| !TransactionSynchronizationManager.getResourceMap().isEmpty()) {
				heldDuring.add(step + " with " + TransactionSynchronizationManager.getResourceMap().keySet());
			}
			return invocation.callRealMethod();
		}
	}

	private ResultActions logIn(User user, String password, String client) throws Exception {
		return logIn(user.email().value(), password, client);
	}

	private ResultActions logIn(String email, String password, String client) throws Exception {
		return mvc.perform(post("/login").param("email", email).param("password", password).with(csrf()).with(from(client)));
	}

	private ResultActions changeSecuPass(User user, String current) throws Exception {
		return mvc.perform(post("/account/secupass").param("currentSecuPass", current)
			.param("newSecuPass", "Neuer-Schl0ssel?").param("newSecuPassRepeated", "Neuer-Schl0ssel?")
			.with(user(AccountUser.of(user))).with(csrf()).with(from(someAddress())));
	}

	private ResultActions exportKey(User user, String secuPass, String client) throws Exception {
		return mvc.perform(post("/account/secret-key").param("secuPass", secuPass)
			.with(user(AccountUser.of(user)))
			.with(csrf())
			.with(from(client)));
	}

	/** An account that finished set-up. All share one key pair (locked by {@link #SECUPASS}): generating is slow. */
	private User activeUser(String password) {
		var user = User.invited(EmailAddress.of(someEmail()), Set.of(Role.STAFF), "en", Instant.now());
		user.activate(passwordEncoder.encode(password), keyPair(), Instant.now());
		return users.save(user);
	}

	private UserKeyPair keyPair() {
		if (keyPair == null) {
			try (var secuPass = SecuPass.of(SECUPASS)) {
				keyPair = keys.generate("staff@example.org", secuPass);
			}
		}
		return keyPair;
	}

	private static String someEmail() {
		return "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}
}

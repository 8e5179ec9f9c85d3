package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tresor.crypto.SecuPass;
import org.tresor.crypto.WrongSecuPassException;

class AccountsIntegrationTests extends AccountIntegrationTestSupport {

	@Autowired
	Accounts accounts;

	@Test
	void findsASummary() {
		var user = activeUser(uniqueEmail("summary"), Role.STAFF);
		assertThat(accounts.find(user.id())).hasValueSatisfying(summary -> {
			assertThat(summary.email()).isEqualTo(user.email().value());
			assertThat(summary.roles()).containsExactly(Role.STAFF);
			assertThat(summary.hasKey()).isTrue();
			assertThat(summary.languageTag()).isEqualTo("de");
		});
		assertThat(accounts.find(UserId.random())).isEmpty();
	}

	@Test
	void listsEnabledStaffByEmail() {
		var b = activeUser("b-" + uniqueEmail("staff"), Role.STAFF);
		var a = activeUser("a-" + uniqueEmail("staff"), Role.ADMIN, Role.STAFF);
		var external = activeUser(uniqueEmail("external"), Role.EXTERNAL);
		var disabled = activeUser(uniqueEmail("disabled"), Role.STAFF);
		disabled.disable();
		users.save(disabled);

		var staff = accounts.staff().stream().map(UserSummary::id).toList();
		assertThat(staff).contains(a.id(), b.id()).doesNotContain(external.id(), disabled.id());
		assertThat(staff.indexOf(a.id())).isLessThan(staff.indexOf(b.id()));
		var emails = accounts.staff().stream().map(UserSummary::email).toList();
		assertThat(emails).isSorted();
	}

	@Test
	void givesTheCertificatesOfThoseWithAKey() {
		var withKey = activeUser(uniqueEmail("key"), Role.STAFF);
		var waiting = users.save(User.invited(EmailAddress.of(uniqueEmail("nokey")), Set.of(Role.STAFF), "en",
				Instant.now()));
		var keys = accounts.publicKeysOf(List.of(withKey.id(), waiting.id(), UserId.random()));
		assertThat(keys).containsOnlyKeys(withKey.id());
		var expected = withKey.publicKey().orElseThrow();
		assertThat(keys.get(withKey.id()).encoded()).isEqualTo(expected.encoded());
		assertThat(keys.get(withKey.id()).fingerprint()).isEqualTo(expected.fingerprint());
	}

	@Test
	void unlocksWithTheRightSecuPassOnly() {
		var user = activeUser(uniqueEmail("unlock"), Role.STAFF);
		assertThat(accounts.unlock(user.id(), SecuPass.of(SECUPASS))).isNotNull();
		assertThatExceptionOfType(WrongSecuPassException.class)
			.isThrownBy(() -> accounts.unlock(user.id(), SecuPass.of("Wrong-Schl0ssel!")));
	}
}

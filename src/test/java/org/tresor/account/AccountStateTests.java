package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AccountStateTests {

	private static final Instant CHANGED = Instant.parse("2026-11-27T08:00:00Z");

	@Test
	void admitsEverySessionOfAnEnabledAccountWhosePasswordNeverChanged() {
		assertThat(new AccountState(true, null, "STAFF", false, false, true).admits(Instant.parse("2020-01-01T00:00:00Z"))).isTrue();
		assertThat(new AccountState(true, null, "STAFF", false, false, true).admits(null)).isTrue();
	}

	@Test
	void refusesEverySessionOfADisabledAccount() {
		assertThat(new AccountState(false, null, "STAFF", false, false, true).admits(CHANGED.plusSeconds(1))).isFalse();
	}

	@Test
	void refusesSessionsThatSignedInBeforeThePasswordChanged() {
		assertThat(new AccountState(true, CHANGED, "STAFF", false, false, true).admits(CHANGED.minusNanos(1000))).isFalse();
		assertThat(new AccountState(true, CHANGED, "STAFF", false, false, true).admits(null)).as("sign-in time unknown").isFalse();
	}

	@Test
	void admitsTheSessionThatChangedThePasswordAndLaterSignIns() {
		assertThat(new AccountState(true, CHANGED, "STAFF", false, false, true).admits(CHANGED)).isTrue();
		assertThat(new AccountState(true, CHANGED, "STAFF", false, false, true).admits(CHANGED.plusSeconds(1))).isTrue();
	}

	@Test
	void readsTheRolesAsTheDatabaseKeepsThem() {
		assertThat(new AccountState(true, null, "ADMIN,STAFF", false, false, true).roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.STAFF);
		assertThat(new AccountState(true, null, "", false, false, true).roles()).isEmpty();
	}
}

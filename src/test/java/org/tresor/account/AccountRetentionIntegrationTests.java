package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tresor.TestPendingDeliveries;

/**
 * Retention in the account module: set-up links go once expired or used; external accounts go 30 days after
 * their last login unless a delivery still waits for them; staff and administrators stay.
 */
class AccountRetentionIntegrationTests extends AccountIntegrationTestSupport {

	@Autowired
	AccountExpiry expiry;

	@Autowired
	Invitations invitations;

	@Autowired
	TestPendingDeliveries pendingDeliveries;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void noDeliveriesPending() {
		pendingDeliveries.clear();
	}

	@Test
	void externalAccountGoesThirtyDaysAfterItsLastLogin() throws Exception {
		var external = activeUser(uniqueEmail("external"), Role.EXTERNAL);
		var lastLogin = logIn(external);

		expiry.deleteExpired(lastLogin.plus(Duration.ofDays(29)));
		assertThat(users.findById(external.id())).isPresent();

		expiry.deleteExpired(lastLogin.plus(Duration.ofDays(30)).plusSeconds(1));
		assertThat(users.findById(external.id())).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from audit_entries where action = 'ACCOUNT_REMOVED' and subject = ?",
				Integer.class, "user " + external.email().value())).isEqualTo(1);
	}

	@Test
	void externalAccountWithAPendingDeliveryStays() throws Exception {
		var external = activeUser(uniqueEmail("awaited"), Role.EXTERNAL);
		var lastLogin = logIn(external);
		pendingDeliveries.add(external.id());

		expiry.deleteExpired(lastLogin.plus(Duration.ofDays(60)));

		assertThat(users.findById(external.id())).isPresent();
	}

	@Test
	void staffStayHoweverLongAgoTheyLoggedIn() throws Exception {
		var staff = activeUser(uniqueEmail("staff"), Role.STAFF);
		var lastLogin = logIn(staff);

		expiry.deleteExpired(lastLogin.plus(Duration.ofDays(3650)));

		assertThat(users.findById(staff.id())).isPresent();
	}

	@Test
	void setupLinksGoOnceExpiredAndTheInvitedUserStays() {
		var email = uniqueEmail("invited");
		invitations.inviteStaff(EmailAddress.of(email), "en");
		var user = users.findByEmail(EmailAddress.of(email)).orElseThrow();

		expiry.deleteExpired(Instant.now().plus(Duration.ofDays(6)));
		assertThat(linksOf(user)).isEqualTo(1);

		expiry.deleteExpired(Instant.now().plus(Duration.ofDays(7)).plusSeconds(60));
		assertThat(linksOf(user)).isZero();
		assertThat(users.findById(user.id())).as("can be invited again").isPresent();
	}

	@Test
	void runningAgainDeletesNothingMore() throws Exception {
		var external = activeUser(uniqueEmail("twice"), Role.EXTERNAL);
		var later = logIn(external).plus(Duration.ofDays(31));
		expiry.deleteExpired(later);

		assertThat(expiry.deleteExpired(later)).isZero();
	}

	int linksOf(User user) {
		return jdbc.queryForObject("select count(*) from setup_links where user_id = ?", Integer.class, user.id().value());
	}

	/** Logs in through the login form and returns the recorded time of the login. */
	Instant logIn(User user) throws Exception {
		mvc.perform(formLogin("/login").userParameter("email").user(user.email().value()).password(PASSWORD))
			.andExpect(authenticated());
		var recorded = jdbc.queryForObject("select last_login_at from users where id = ?", java.sql.Timestamp.class,
				user.id().value());
		assertThat(recorded).as("last login recorded").isNotNull();
		return recorded.toInstant();
	}
}

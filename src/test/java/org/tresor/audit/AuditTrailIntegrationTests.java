package org.tresor.audit;

import java.util.UUID;
import org.tresor.submission.TicketId;
import org.tresor.account.SetupLinkId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.account.AccountActivated;
import org.tresor.account.AdministratorCreated;
import org.tresor.account.PasswordChanged;
import org.tresor.account.Role;
import org.tresor.account.SetupLinkIssued;
import org.tresor.account.SignInFailed;
import org.tresor.account.UserDeleted;
import org.tresor.account.UserDisabled;
import org.tresor.account.SecuPassChanged;
import org.tresor.account.PasswordReset;
import org.tresor.account.PasswordResetRequested;
import org.tresor.account.PasskeyAdded;
import org.tresor.account.PasskeyRemoved;
import org.tresor.account.SecondFactorEnrolled;
import org.tresor.account.SecondFactorFailed;
import org.tresor.account.SecondFactorPassed;
import org.tresor.account.SecondFactorPolicyChanged;
import org.tresor.account.SecondFactorRemoved;
import org.tresor.account.SetupLinkId;
import org.tresor.account.AdministratorGranted;
import org.tresor.account.AdministratorRevoked;
import org.tresor.account.UserEnabled;
import org.tresor.account.UserId;
import org.tresor.account.UserSignedIn;
import org.tresor.account.UserSummary;
import org.tresor.notification.NotificationIntegrationTestSupport;
import org.tresor.submission.SubmissionDeleted;
import org.tresor.submission.SubmissionDownloaded;
import org.tresor.submission.SubmissionId;
import org.tresor.submission.SubmissionOpened;
import org.tresor.submission.SubmissionReceived;
import org.tresor.submission.TicketIssued;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

class AuditTrailIntegrationTests extends NotificationIntegrationTestSupport {

	final UserId staff = UserId.random();

	@Autowired
	AuditLog log;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void recordsAReceivedSubmissionWithTheSenderAsActor() {
		var entry = recordedFor(received("AUD-0001", Instant.parse("2020-01-10T08:00:00Z")));

		assertThat(entry.actor()).isEqualTo("sender@example.org");
		assertThat(entry.action()).isEqualTo("SUBMISSION_RECEIVED");
		assertThat(entry.subject()).contains("AUD-0001");
		assertThat(entry.occurredAt()).isEqualTo(Instant.parse("2020-01-10T08:00:00Z"));
	}

	@Test
	void recordsWhoOpenedASubmission() {
		knowStaff();

		var entry = recordedFor(new SubmissionOpened(SubmissionId.random(), "AUD-0002", staff));

		assertThat(entry).extracting(AuditEntryView::actor, AuditEntryView::action)
				.containsExactly("staff@example.org", "SUBMISSION_OPENED");
		assertThat(entry.subject()).contains("AUD-0002");
	}

	@Test
	void recordsWhoDeletedASubmission() {
		knowStaff();

		var entry = recordedFor(new SubmissionDeleted(SubmissionId.random(), "AUD-0003", staff));

		assertThat(entry).extracting(AuditEntryView::actor, AuditEntryView::action)
				.containsExactly("staff@example.org", "SUBMISSION_DELETED");
	}

	@Test
	void recordsTheFirstAdministrator() {
		knowStaff();

		var entry = recordedFor(new AdministratorCreated(staff));

		assertThat(entry).extracting(AuditEntryView::actor, AuditEntryView::action)
				.containsExactly("staff@example.org", "ADMINISTRATOR_CREATED");
	}

	@Test
	void recordsAnActivatedAccount() {
		knowStaff();

		var entry = recordedFor(new AccountActivated(staff));

		assertThat(entry).extracting(AuditEntryView::actor, AuditEntryView::action)
				.containsExactly("staff@example.org", "ACCOUNT_ACTIVATED");
	}

	@Test
	void namesAnUnknownUserById() {
		var entry = recordedFor(new AccountActivated(staff));

		assertThat(entry.actor()).isEqualTo("user " + staff.value());
	}

	@Test
	void recordsAnIssuedSetupLinkButNeverItsToken() {
		var entry = recordedFor(new SetupLinkIssued(staff, new SetupLinkId(UUID.randomUUID()), "invitee@example.org",
				Instant.parse("2030-01-15T09:30:00Z"), "de"));

		assertThat(entry.action()).isEqualTo("SETUP_LINK_ISSUED");
		assertThat(entry.subject()).contains("invitee@example.org");
		assertThat(jdbc.queryForObject("select count(*) from audit_entries where actor like ? or action like ? "
				+ "or subject like ?", Long.class, "%secret-setup-token%", "%secret-setup-token%",
				"%secret-setup-token%")).isZero();
	}

	@Test
	void recordsATicketRequestButNeverItsToken() {
		var entry = recordedFor(new TicketIssued(new TicketId(UUID.randomUUID()), "asker@example.org", "Beratung",
				Instant.parse("2030-01-15T09:30:00Z"), "de"));

		assertThat(entry).extracting(AuditEntryView::actor, AuditEntryView::action)
				.containsExactly("asker@example.org", "TICKET_REQUESTED");
		assertThat(entry.subject()).contains("Beratung").doesNotContain("secret-ticket-token");
	}

	@Test
	void recordsWhoDownloadedASubmission() {
		knowStaff();

		var entry = recordedFor(new SubmissionDownloaded(SubmissionId.random(), "AUD-0007", staff));

		assertThat(entry).extracting(AuditEntryView::actor, AuditEntryView::action)
				.containsExactly("staff@example.org", "SUBMISSION_DOWNLOADED");
	}

	@Test
	void recordsLoginsAndWrongPasswords() {
		assertThat(recordedFor(new UserSignedIn(staff, "staff@example.org", UserSignedIn.Method.PASSWORD)))
				.extracting(AuditEntryView::actor, AuditEntryView::action)
				.containsExactly("staff@example.org", "USER_SIGNED_IN");
		assertThat(recordedFor(new SignInFailed(staff, "staff@example.org")).action()).isEqualTo("SIGN_IN_FAILED");
	}

	@Test
	void recordsAPasswordChangeByTheAccountItself() {
		assertThat(recordedFor(new PasswordChanged(staff, "staff@example.org")))
				.extracting(AuditEntryView::actor, AuditEntryView::action, AuditEntryView::subject)
				.containsExactly("staff@example.org", "PASSWORD_CHANGED", "user staff@example.org");
	}

	@Test
	void recordsASecuPassChangeByTheAccountItself() {
		assertThat(recordedFor(new SecuPassChanged(staff, "staff@example.org")))
				.extracting(AuditEntryView::actor, AuditEntryView::action, AuditEntryView::subject)
				.containsExactly("staff@example.org", "SECUPASS_CHANGED", "user staff@example.org");
	}

	@Test
	void recordsWhichAdministratorDisabledEnabledOrDeletedWhom() {
		knowStaff();
		var user = UserId.random();

		assertThat(recordedFor(new UserDisabled(user, "former@example.org", staff)))
				.extracting(AuditEntryView::actor, AuditEntryView::action, AuditEntryView::subject)
				.containsExactly("staff@example.org", "USER_DISABLED", "user former@example.org");
		assertThat(recordedFor(new UserEnabled(user, "former@example.org", staff)).action()).isEqualTo("USER_ENABLED");
		assertThat(recordedFor(new UserDeleted(user, "former@example.org", staff)).action()).isEqualTo("USER_DELETED");
	}

	@Test
	void recordsWhichAdministratorGrantedOrRevokedTheAdministratorRole() {
		knowStaff();
		var user = UserId.random();

		assertThat(recordedFor(new AdministratorGranted(user, "deputy@example.org", staff)))
				.extracting(AuditEntryView::actor, AuditEntryView::action, AuditEntryView::subject)
				.containsExactly("staff@example.org", "ADMINISTRATOR_GRANTED", "user deputy@example.org");
		assertThat(recordedFor(new AdministratorRevoked(user, "deputy@example.org", staff)).action())
				.isEqualTo("ADMINISTRATOR_REVOKED");
	}

	@Test
	void recordsPasswordResetsButNeverTheLink() {
		assertThat(recordedFor(new PasswordResetRequested(staff, new SetupLinkId(java.util.UUID.randomUUID()), "staff@example.org",
				Instant.now(), "de")))
				.extracting(AuditEntryView::actor, AuditEntryView::action, AuditEntryView::subject)
				.containsExactly("staff@example.org", "PASSWORD_RESET_REQUESTED", "user staff@example.org");
		assertThat(recordedFor(new PasswordReset(staff, "staff@example.org")).action()).isEqualTo("PASSWORD_RESET");
	}

	@Test
	void recordsPasskeysByTheirLabelAndSignInsWithThem() {
		assertThat(recordedFor(new PasskeyAdded(staff, "staff@example.org", "Laptop")))
				.extracting(AuditEntryView::actor, AuditEntryView::action, AuditEntryView::subject)
				.containsExactly("staff@example.org", "PASSKEY_ADDED", "passkey \"Laptop\"");
		assertThat(recordedFor(new PasskeyRemoved(staff, "staff@example.org", "Laptop")).action())
				.isEqualTo("PASSKEY_REMOVED");
		assertThat(recordedFor(new UserSignedIn(staff, "staff@example.org", UserSignedIn.Method.PASSKEY)).subject())
				.isEqualTo("user staff@example.org with a passkey");
	}

	@Test
	void recordsEverySecondFactorEvent() {
		knowStaff();
		assertThat(recordedFor(new SecondFactorEnrolled(staff, "staff@example.org")).action())
				.isEqualTo("SECOND_FACTOR_ENROLLED");
		assertThat(recordedFor(new SecondFactorPassed(staff, "staff@example.org", false)).action())
				.isEqualTo("SECOND_FACTOR_PASSED");
		assertThat(recordedFor(new SecondFactorPassed(staff, "staff@example.org", true)).action())
				.isEqualTo("RECOVERY_CODE_USED");
		assertThat(recordedFor(new SecondFactorFailed(staff, "staff@example.org")).action())
				.isEqualTo("SECOND_FACTOR_FAILED");
		assertThat(recordedFor(new SecondFactorRemoved(UserId.random(), "former@example.org", staff)))
				.extracting(AuditEntryView::actor, AuditEntryView::action, AuditEntryView::subject)
				.containsExactly("staff@example.org", "SECOND_FACTOR_REMOVED", "user former@example.org");
		assertThat(recordedFor(new SecondFactorPolicyChanged(true, staff)))
				.extracting(AuditEntryView::actor, AuditEntryView::subject)
				.containsExactly("staff@example.org", "second factor required of staff");
	}

	@Test
	void recordsNothingWhenTheActionRollsBack() {
		var before = count();

		transactions.executeWithoutResult(status -> {
			events.publishEvent(new SubmissionOpened(SubmissionId.random(), "AUD-0004", staff));
			status.setRollbackOnly();
		});

		assertThat(count()).isEqualTo(before);
	}

	@Test
	void listsTheNewestEntriesFirstUpToTheLimit() {
		publish(received("AUD-0005", Instant.parse("2099-01-01T00:00:00Z")));
		publish(received("AUD-0006", Instant.parse("2099-01-02T00:00:00Z")));

		assertThat(log.recent(2)).extracting(AuditEntryView::subject).satisfiesExactly(
				newest -> assertThat(newest).contains("AUD-0006"),
				older -> assertThat(older).contains("AUD-0005"));
		assertThat(log.recent(0)).isEmpty();
	}

	private static SubmissionReceived received(String reference, Instant at) {
		return new SubmissionReceived(SubmissionId.random(), reference, "Beratung", "sender@example.org", at, 1,
				List.of(), "de");
	}

	/** Publishes {@code event}, checks that it wrote exactly one entry and returns it. */
	private AuditEntryView recordedFor(Object event) {
		var before = log.recent(AuditLog.MAX_LIMIT);
		publish(event);
		var added = new ArrayList<>(log.recent(AuditLog.MAX_LIMIT));
		before.forEach(added::remove);
		assertThat(added).hasSize(1);
		return added.get(0);
	}

	private long count() {
		return jdbc.queryForObject("select count(*) from audit_entries", Long.class);
	}

	private void knowStaff() {
		given(accounts.find(staff)).willReturn(
				Optional.of(new UserSummary(staff, "staff@example.org", Set.of(Role.STAFF), true, "de")));
	}
}

package org.tresor.audit;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tresor.account.AccountActivated;
import org.tresor.account.AccountRemoved;
import org.tresor.account.PasswordChanged;
import org.tresor.account.SecuPassChanged;
import org.tresor.account.PasskeyAdded;
import org.tresor.account.SingleSignOnRefused;
import org.tresor.account.SingleSignOnAccountCreated;
import org.tresor.account.StaffPasswordsChanged;
import org.tresor.account.PasskeySignInFailed;
import org.tresor.account.PasskeyRemoved;
import org.tresor.account.SecondFactorEnrolled;
import org.tresor.account.SecondFactorFailed;
import org.tresor.account.SecondFactorPassed;
import org.tresor.account.SecondFactorPolicyChanged;
import org.tresor.account.SecondFactorRemoved;
import org.tresor.account.PasswordReset;
import org.tresor.account.PasswordResetRequested;
import org.tresor.account.Accounts;
import org.tresor.account.AdministratorCreated;
import org.tresor.account.AdministratorGranted;
import org.tresor.account.AdministratorRevoked;
import org.tresor.account.MonitoringCredentialRefused;
import org.tresor.account.WrongCurrentPassword;
import org.tresor.account.SetupLinkIssued;
import org.tresor.account.SignInFailed;
import org.tresor.account.UserDeleted;
import org.tresor.account.UserDisabled;
import org.tresor.account.UserEnabled;
import org.tresor.account.UserId;
import org.tresor.account.UserSignedIn;
import org.tresor.delivery.DeliveryCompleted;
import org.tresor.delivery.DeliveryCreated;
import org.tresor.delivery.DeliveryDeletedByRecipient;
import org.tresor.delivery.DeliveryDownloaded;
import org.tresor.delivery.DeliveryNotScanned;
import org.tresor.delivery.DeliveryRefusedForMalware;
import org.tresor.delivery.DeliveryWithdrawn;
import org.tresor.parcel.PartDamaged;
import org.tresor.submission.SubmissionDeleted;
import org.tresor.submission.SubmissionDownloaded;
import org.tresor.submission.SubmissionExpired;
import org.tresor.submission.SubmissionOpened;
import org.tresor.submission.SubmissionNotScanned;
import org.tresor.submission.SubmissionReceived;
import org.tresor.submission.SubmissionRefusedForMalware;
import org.tresor.submission.TicketIssued;

/**
 * Writes one entry per action, synchronously in the transaction of the action: if the action rolls back,
 * so does its entry, and an action whose entry cannot be written fails. Records who and what, never content,
 * tokens or links.
 */
@Component
class AuditTrail {

	static final String SYSTEM = "system";

	private final AuditEntries entries;

	private final Accounts accounts;

	private final Clock clock;

	AuditTrail(AuditEntries entries, Accounts accounts, Clock clock) {
		this.entries = entries;
		this.accounts = accounts;
		this.clock = clock;
	}

	@EventListener
	void on(SubmissionReceived event) {
		record(event.receivedAt(), event.senderEmail(), AuditAction.SUBMISSION_RECEIVED,
				submission(event.reference(), event.boxName()));
	}

	/** The requester's address and the box; never the token. */
	@EventListener
	void on(TicketIssued event) {
		record(clock.instant(), event.email(), AuditAction.TICKET_REQUESTED, "ticket for box " + event.boxName());
	}

	@EventListener
	void on(SubmissionDownloaded event) {
		record(clock.instant(), emailOf(event.by()), AuditAction.SUBMISSION_DOWNLOADED,
				submission(event.reference(), null));
	}

	@EventListener
	void on(UserSignedIn event) {
		record(clock.instant(), event.email(), AuditAction.USER_SIGNED_IN, "user " + event.email() + switch (event.method()) {
			case PASSWORD -> "";
			case PASSKEY -> " with a passkey";
			case SINGLE_SIGN_ON -> " through single sign-on";
		});
	}

	@EventListener
	void on(WrongCurrentPassword event) {
		record(clock.instant(), event.email(), AuditAction.WRONG_CURRENT_PASSWORD, "user " + event.email());
	}

	/** The client and the path; never what was sent. */
	@EventListener
	void on(MonitoringCredentialRefused event) {
		record(clock.instant(), "client " + event.clientAddress(), AuditAction.MONITORING_CREDENTIAL_REFUSED,
				"monitoring " + event.path());
	}

	@EventListener
	void on(SignInFailed event) {
		record(clock.instant(), event.email(), AuditAction.SIGN_IN_FAILED, "user " + event.email());
	}

	@EventListener
	void on(PasswordChanged event) {
		record(clock.instant(), event.email(), AuditAction.PASSWORD_CHANGED, "user " + event.email());
	}

	/** The account's address; never the link. */
	@EventListener
	void on(PasswordResetRequested event) {
		record(clock.instant(), event.email(), AuditAction.PASSWORD_RESET_REQUESTED, "user " + event.email());
	}

	@EventListener
	void on(PasswordReset event) {
		record(clock.instant(), event.email(), AuditAction.PASSWORD_RESET, "user " + event.email());
	}

	/** The client and the reason; the provider's tokens never enter the log. */
	@EventListener
	void on(SingleSignOnRefused event) {
		record(clock.instant(), "client " + event.client(), AuditAction.SINGLE_SIGN_ON_REFUSED,
				"single sign-on: " + event.reason());
	}

	@EventListener
	void on(PasskeySignInFailed event) {
		record(clock.instant(), "client " + event.client(), AuditAction.PASSKEY_SIGN_IN_FAILED, "passkey sign-in");
	}

	@EventListener
	void on(StaffPasswordsChanged event) {
		record(clock.instant(), emailOf(event.by()), AuditAction.STAFF_PASSWORDS_CHANGED,
				"staff passwords " + (event.allowed() ? "allowed" : "off"));
	}

	@EventListener
	void on(SingleSignOnAccountCreated event) {
		record(clock.instant(), SYSTEM, AuditAction.SINGLE_SIGN_ON_ACCOUNT_CREATED, "user " + event.email());
	}

	@EventListener
	void on(PasskeyAdded event) {
		record(clock.instant(), event.email(), AuditAction.PASSKEY_ADDED, "passkey \"" + event.label() + "\"");
	}

	@EventListener
	void on(PasskeyRemoved event) {
		record(clock.instant(), event.email(), AuditAction.PASSKEY_REMOVED, "passkey \"" + event.label() + "\"");
	}

	@EventListener
	void on(SecondFactorEnrolled event) {
		record(clock.instant(), event.email(), AuditAction.SECOND_FACTOR_ENROLLED, "user " + event.email());
	}

	@EventListener
	void on(SecondFactorRemoved event) {
		record(clock.instant(), emailOf(event.by()), AuditAction.SECOND_FACTOR_REMOVED, "user " + event.email());
	}

	@EventListener
	void on(SecondFactorPassed event) {
		record(clock.instant(), event.email(),
				event.recoveryCode() ? AuditAction.RECOVERY_CODE_USED : AuditAction.SECOND_FACTOR_PASSED,
				"user " + event.email());
	}

	@EventListener
	void on(SecondFactorFailed event) {
		record(clock.instant(), event.email(), AuditAction.SECOND_FACTOR_FAILED, "user " + event.email());
	}

	@EventListener
	void on(SecondFactorPolicyChanged event) {
		record(clock.instant(), emailOf(event.by()), AuditAction.SECOND_FACTOR_POLICY_CHANGED,
				"second factor " + (event.required() ? "required of staff" : "optional"));
	}

	@EventListener
	void on(SecuPassChanged event) {
		record(clock.instant(), event.email(), AuditAction.SECUPASS_CHANGED, "user " + event.email());
	}

	@EventListener
	void on(UserDisabled event) {
		record(clock.instant(), emailOf(event.by()), AuditAction.USER_DISABLED, "user " + event.email());
	}

	@EventListener
	void on(AdministratorGranted event) {
		record(clock.instant(), emailOf(event.by()), AuditAction.ADMINISTRATOR_GRANTED, "user " + event.email());
	}

	@EventListener
	void on(AdministratorRevoked event) {
		record(clock.instant(), emailOf(event.by()), AuditAction.ADMINISTRATOR_REVOKED, "user " + event.email());
	}

	@EventListener
	void on(UserEnabled event) {
		record(clock.instant(), emailOf(event.by()), AuditAction.USER_ENABLED, "user " + event.email());
	}

	@EventListener
	void on(UserDeleted event) {
		record(clock.instant(), emailOf(event.by()), AuditAction.USER_DELETED, "user " + event.email());
	}

	@EventListener
	void on(SubmissionOpened event) {
		record(clock.instant(), emailOf(event.by()), AuditAction.SUBMISSION_OPENED, submission(event.reference(), null));
	}

	@EventListener
	void on(SubmissionDeleted event) {
		record(clock.instant(), emailOf(event.by()), AuditAction.SUBMISSION_DELETED, submission(event.reference(), null));
	}

	@EventListener
	void on(SubmissionExpired event) {
		record(clock.instant(), SYSTEM, AuditAction.SUBMISSION_EXPIRED, submission(event.reference(), null));
	}

	@EventListener
	void on(AccountRemoved event) {
		record(clock.instant(), SYSTEM, AuditAction.ACCOUNT_REMOVED, "user " + event.email());
	}

	@EventListener
	void on(AdministratorCreated event) {
		var administrator = emailOf(event.user());
		record(clock.instant(), administrator, AuditAction.ADMINISTRATOR_CREATED, "user " + administrator);
	}

	/** The issuer is not part of the event; the token never enters the log. */
	@EventListener
	void on(SetupLinkIssued event) {
		record(clock.instant(), SYSTEM, AuditAction.SETUP_LINK_ISSUED, "user " + event.email());
	}

	@EventListener
	void on(AccountActivated event) {
		var user = emailOf(event.user());
		record(clock.instant(), user, AuditAction.ACCOUNT_ACTIVATED, "user " + user);
	}

	@EventListener
	void on(DeliveryCreated event) {
		record(event.createdAt(), emailOf(event.sender()), AuditAction.DELIVERY_SENT,
				"delivery " + event.reference() + " to " + event.recipientCount() + " recipient(s)");
	}

	@EventListener
	void on(DeliveryCompleted event) {
		record(clock.instant(), emailOf(event.sender()), AuditAction.DELIVERY_COMPLETED,
				"delivery " + event.reference() + " for " + event.recipientEmail());
	}

	@EventListener
	void on(DeliveryDownloaded event) {
		record(event.downloadedAt(), event.recipientEmail(), AuditAction.DELIVERY_DOWNLOADED,
				"delivery " + event.reference());
	}

	/** The finding and where it was sent; never the file's name. */
	@EventListener
	void on(SubmissionRefusedForMalware event) {
		record(clock.instant(), event.senderEmail(), AuditAction.MALWARE_REFUSED,
				"submission to box " + event.boxName() + ": " + event.finding());
	}

	@EventListener
	void on(SubmissionNotScanned event) {
		record(clock.instant(), event.senderEmail(), AuditAction.NOT_SCANNED, submission(event.reference(), event.boxName()));
	}

	@EventListener
	void on(DeliveryNotScanned event) {
		record(clock.instant(), emailOf(event.sender()), AuditAction.NOT_SCANNED, "delivery " + event.reference());
	}

	@EventListener
	void on(DeliveryRefusedForMalware event) {
		record(clock.instant(), emailOf(event.sender()), AuditAction.MALWARE_REFUSED, "delivery: " + event.finding());
	}

	@EventListener
	void on(DeliveryWithdrawn event) {
		record(clock.instant(), emailOf(event.by()), AuditAction.DELIVERY_WITHDRAWN, "delivery " + event.reference());
	}

	@EventListener
	void on(DeliveryDeletedByRecipient event) {
		record(clock.instant(), emailOf(event.recipient()), AuditAction.DELIVERY_DELETED_BY_RECIPIENT,
				"delivery " + event.reference());
	}

	/** Which blob and who opened it; the reader's download was cut off. Never a file name. */
	@EventListener
	void on(PartDamaged event) {
		record(clock.instant(), emailOf(event.reader()), AuditAction.INTEGRITY_FAILURE,
				"blob " + event.blob().value() + " failed its integrity check");
	}

	private void record(Instant occurredAt, String actor, AuditAction action, String subject) {
		entries.save(new AuditEntry(occurredAt, actor, action, subject));
	}

	private String emailOf(UserId user) {
		return accounts.find(user).map(summary -> summary.email()).orElse("user " + user.value());
	}

	private static String submission(String reference, String boxName) {
		return "submission " + reference + (boxName == null ? "" : " in box " + boxName);
	}
}

package org.tresor.audit;

/** What the audit log records. Stored by name; a new action is a new constant, never a renamed one. */
enum AuditAction {
	TICKET_REQUESTED, SUBMISSION_RECEIVED, SUBMISSION_OPENED, SUBMISSION_DOWNLOADED, SUBMISSION_DELETED,
	ADMINISTRATOR_CREATED, SETUP_LINK_ISSUED, ACCOUNT_ACTIVATED, USER_SIGNED_IN, SIGN_IN_FAILED, USER_DISABLED,
	USER_ENABLED, USER_DELETED, DELIVERY_SENT, DELIVERY_COMPLETED, DELIVERY_DOWNLOADED, DELIVERY_WITHDRAWN,
	DELIVERY_DELETED_BY_RECIPIENT, SUBMISSION_EXPIRED, ACCOUNT_REMOVED,
	/** A stored part failed its integrity check when someone opened it. */
	INTEGRITY_FAILURE,
	/** The account's other sessions ended with it. */
	PASSWORD_CHANGED,
	/** A wrong current password when changing it: counts like a wrong password at login. */
	WRONG_CURRENT_PASSWORD,
	/** A wrong scrape token, or HTTP Basic, sent to the monitoring endpoints. */
	MONITORING_CREDENTIAL_REFUSED,
	/** The malware scanner found something in an upload, which was refused. */
	MALWARE_REFUSED,
	/** An upload was kept although the malware scanner could not look at it (accept-unscanned). */
	NOT_SCANNED,
	/** A staff member was made an administrator too. */
	ADMINISTRATOR_GRANTED,
	/** Someone was no longer an administrator (they stay staff). */
	ADMINISTRATOR_REVOKED,
	/** The user's key was locked with a new SecuPass. */
	SECUPASS_CHANGED,
	/** A reset link was mailed to an account's address ("Forgot password?"). */
	PASSWORD_RESET_REQUESTED,
	/** A new password was set through a reset link; every session of the account ended. */
	PASSWORD_RESET,
	SECOND_FACTOR_ENROLLED,
	/** By the user or an administrator (the actor). */
	SECOND_FACTOR_REMOVED,
	/** A TOTP code after a correct password. */
	SECOND_FACTOR_PASSED,
	/** A recovery code stood in for the TOTP code, once. */
	RECOVERY_CODE_USED,
	/** A wrong, replayed or used code after a correct password: counts like a wrong password. */
	SECOND_FACTOR_FAILED,
	/** Administrators required a second factor of staff, or stopped requiring it. */
	SECOND_FACTOR_POLICY_CHANGED,
	/** With the label its owner gave it. */
	PASSKEY_ADDED,
	PASSKEY_REMOVED,
	/** A sign-in through the organisation's OpenID provider was refused; the subject names the reason. */
	SINGLE_SIGN_ON_REFUSED,
	/** The organisation's OpenID provider vouched for someone without an account, who got one as staff. */
	SINGLE_SIGN_ON_ACCOUNT_CREATED,
	/** With single sign-on, password sign-in of staff was allowed or switched off. */
	STAFF_PASSWORDS_CHANGED,
	/** A passkey sign-in was refused (unknown passkey, expired or used challenge, wrong origin or signature). */
	PASSKEY_SIGN_IN_FAILED
}

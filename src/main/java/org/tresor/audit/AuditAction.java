package org.tresor.audit;

/** What the audit log records. Stored by name. */
enum AuditAction {
	SUBMISSION_RECEIVED, SUBMISSION_OPENED, SUBMISSION_DELETED, ADMINISTRATOR_CREATED, SETUP_LINK_ISSUED,
	ACCOUNT_ACTIVATED
}

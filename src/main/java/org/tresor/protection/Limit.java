package org.tresor.protection;

/**
 * What is counted. Rate limits count every attempt; the {@code WRONG_*} lockouts count failures only, and
 * while one is used up even the right password or SecuPass is refused. Each has its own setting under
 * {@code tresor.rate-limit}.
 */
public enum Limit {

	/** Ticket requests ({@code POST /submit/{box}}) from one client address. */
	TICKET_REQUESTS_PER_ADDRESS,

	/** Ticket requests for one e-mail address, whoever asks. */
	TICKET_REQUESTS_PER_EMAIL,

	/** Login attempts from one client address. */
	LOGINS_PER_ADDRESS,

	/** Login attempts for one e-mail address, whether or not an account has it. */
	LOGINS_PER_EMAIL,

	/** Set-up forms sent (first administrator, invited users) from one client address. */
	SETUPS_PER_ADDRESS,

	/** SecuPass entries (opening, downloading, completing, exporting) from one client address. */
	SECUPASS_ENTRIES_PER_ADDRESS,

	/** Wrong passwords for one e-mail address (in any spelling): a lockout of that address. */
	WRONG_PASSWORDS_PER_ACCOUNT,

	/** Wrong passwords from one client address, for any accounts. */
	WRONG_PASSWORDS_PER_ADDRESS,

	/** Wrong SecuPasses of one account. */
	WRONG_SECUPASSES_PER_ACCOUNT,

	/** Wrong SecuPasses from one client address, for any accounts. */
	WRONG_SECUPASSES_PER_ADDRESS,

	/** "Forgot password?" requests from one client address. */
	PASSWORD_RESETS_PER_ADDRESS,

	/** "Forgot password?" requests for one e-mail address, whether or not an account has it. */
	PASSWORD_RESETS_PER_EMAIL
}

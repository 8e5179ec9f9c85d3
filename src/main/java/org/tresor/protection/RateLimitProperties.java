package org.tresor.protection;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How many attempts each {@link Limit} allows per period. A used-up allowance comes back gradually: one
 * attempt every {@code period / attempts}. The defaults are in {@code application.yml}.
 */
@Validated
@ConfigurationProperties("tresor.rate-limit")
record RateLimitProperties(@NotNull @Valid Allowance ticketRequestsPerAddress,
		@NotNull @Valid Allowance ticketRequestsPerEmail, @NotNull @Valid Allowance loginsPerAddress,
		@NotNull @Valid Allowance loginsPerEmail, @NotNull @Valid Allowance setupsPerAddress,
		@NotNull @Valid Allowance secuPassEntriesPerAddress, @NotNull @Valid Allowance wrongPasswordsPerAccount,
		@NotNull @Valid Allowance wrongPasswordsPerAddress, @NotNull @Valid Allowance wrongSecuPassesPerAccount,
		@NotNull @Valid Allowance wrongSecuPassesPerAddress, @NotNull @Valid Allowance passwordResetsPerAddress,
		@NotNull @Valid Allowance passwordResetsPerEmail) {

	/** {@code attempts} per {@code period}. */
	record Allowance(@Min(1) int attempts, @NotNull @DurationMin(seconds = 1) Duration period) {
	}

	Allowance of(Limit limit) {
		return switch (limit) {
			case TICKET_REQUESTS_PER_ADDRESS -> ticketRequestsPerAddress;
			case TICKET_REQUESTS_PER_EMAIL -> ticketRequestsPerEmail;
			case LOGINS_PER_ADDRESS -> loginsPerAddress;
			case LOGINS_PER_EMAIL -> loginsPerEmail;
			case SETUPS_PER_ADDRESS -> setupsPerAddress;
			case SECUPASS_ENTRIES_PER_ADDRESS -> secuPassEntriesPerAddress;
			case WRONG_PASSWORDS_PER_ACCOUNT -> wrongPasswordsPerAccount;
			case WRONG_PASSWORDS_PER_ADDRESS -> wrongPasswordsPerAddress;
			case WRONG_SECUPASSES_PER_ACCOUNT -> wrongSecuPassesPerAccount;
			case WRONG_SECUPASSES_PER_ADDRESS -> wrongSecuPassesPerAddress;
			case PASSWORD_RESETS_PER_ADDRESS -> passwordResetsPerAddress;
			case PASSWORD_RESETS_PER_EMAIL -> passwordResetsPerEmail;
		};
	}
}

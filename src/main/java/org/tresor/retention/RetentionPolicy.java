package org.tresor.retention;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

/** The retention periods, for the modules that delete and for the pages that say when something goes. */
@Component
public class RetentionPolicy {

	private final RetentionProperties properties;

	RetentionPolicy(RetentionProperties properties) {
		this.properties = properties;
	}

	/** When a submission that arrived at {@code receivedAt} is deleted. */
	public Instant submissionExpiresAt(Instant receivedAt) {
		return receivedAt.plus(properties.submissions());
	}

	/** Submissions that arrived before this are due for deletion at {@code now}. */
	public Instant submissionsReceivedBefore(Instant now) {
		return now.minus(properties.submissions());
	}

	/** External accounts whose last login (or creation, if they never logged in) is before this are due. */
	public Instant externalAccountsInactiveSince(Instant now) {
		return now.minus(properties.externalAccounts());
	}

	public Duration submissions() {
		return properties.submissions();
	}

	public Duration externalAccounts() {
		return properties.externalAccounts();
	}
}

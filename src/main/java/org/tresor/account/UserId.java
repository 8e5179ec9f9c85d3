package org.tresor.account;

import java.io.Serializable;
import java.util.UUID;

/** Serializable because it is part of the session's principal. */
public record UserId(UUID value) implements Serializable {

	public static UserId random() {
		return new UserId(UUID.randomUUID());
	}
}

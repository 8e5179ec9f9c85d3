package org.tresor.storage;

import java.util.UUID;

/** Name of a stored ciphertext blob; generated, never derived from user input. */
public record BlobId(String value) {

	public BlobId {
		if (value == null || !value.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
			throw new IllegalArgumentException("Not a blob id: " + value);
		}
	}

	public static BlobId random() {
		return new BlobId(UUID.randomUUID().toString());
	}
}

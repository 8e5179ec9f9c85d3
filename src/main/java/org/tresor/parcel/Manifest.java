package org.tresor.parcel;

import java.util.List;

/**
 * The encrypted heart of a parcel: the message text and the original file names. Stored only inside the
 * manifest part's ciphertext, never in the database.
 */
public record Manifest(String message, List<FileEntry> files) {

	public record FileEntry(String name, long size) {
	}
}

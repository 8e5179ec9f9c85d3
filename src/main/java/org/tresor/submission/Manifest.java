package org.tresor.submission;

import java.util.List;

/**
 * The encrypted heart of a submission: the message text and the original file names. Stored only inside
 * the manifest part's ciphertext, never in the database.
 */
record Manifest(String message, List<FileEntry> files) {

	record FileEntry(String name, long size) {
	}
}

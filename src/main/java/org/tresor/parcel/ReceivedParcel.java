package org.tresor.parcel;

import java.util.List;
import java.util.Map;

/**
 * A form that arrived in full: its text fields (held in memory only; the message is stored solely in the
 * encrypted manifest), the manifest part and one part per file, all durable and encrypted to
 * {@code recipients}.
 */
public record ReceivedParcel(Map<String, String> fields, StoredPart manifest, List<StoredPart> files,
		Recipients recipients) {

	public long totalSize() {
		return files.stream().mapToLong(StoredPart::plaintextSize).sum();
	}
}

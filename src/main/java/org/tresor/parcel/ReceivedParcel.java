package org.tresor.parcel;

import java.util.ArrayList;
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

	/** The parts for the owner to record: the manifest first, then the files in the order they came. */
	public List<ParcelPart> parts() {
		var parts = new ArrayList<ParcelPart>();
		parts.add(new ParcelPart(0, ParcelPart.Kind.MANIFEST, manifest));
		for (var file : files) {
			parts.add(new ParcelPart(parts.size(), ParcelPart.Kind.FILE, file));
		}
		return parts;
	}
}

package org.tresor.parcel;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.tresor.account.UserId;

/**
 * One stored parcel as its owner (a submission, a delivery) holds it: the manifest part and the file parts.
 * {@code reference} names the downloads ({@code Tresor-<reference>.zip}, {@code <reference>-1.pgp}).
 */
public record Parcel(String reference, List<ParcelPart> parts) {

	public Parcel {
		parts = List.copyOf(parts);
	}

	public ParcelPart manifest() {
		return parts.stream()
			.filter(part -> !part.isFile())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Parcel " + reference + " has no manifest"));
	}

	/** The file parts in the order they were sent; file number n is at index n - 1. */
	public List<ParcelPart> files() {
		return parts.stream().filter(ParcelPart::isFile).sorted(Comparator.comparingInt(ParcelPart::position)).toList();
	}

	/** File {@code number}, counted from 1. */
	public Optional<ParcelPart> file(int number) {
		var files = files();
		return number < 1 || number > files.size() ? Optional.empty() : Optional.of(files.get(number - 1));
	}

	public int fileCount() {
		return files().size();
	}

	public long totalSize() {
		return files().stream().mapToLong(ParcelPart::plaintextSize).sum();
	}

	public List<Long> fileSizes() {
		return files().stream().map(ParcelPart::plaintextSize).toList();
	}

	/** Whether a file of it was accepted without a malware scan (the scanner was unavailable). */
	public boolean notScanned() {
		return files().stream().anyMatch(ParcelPart::notScanned);
	}

	/** Whether {@code user} can open the parcel: they hold a key packet of its manifest. */
	public boolean isReadableBy(UserId user) {
		return manifest().isReadableBy(user);
	}
}

package org.tresor.submission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.tresor.parcel.Parcel;
import org.tresor.parcel.ParcelPart;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * What an external person sent to a box. Only metadata lives here; the message text and file names are in
 * the encrypted manifest part, the files in encrypted file parts.
 */
@Entity
@Table(name = "submissions")
class Submission {

	@Id
	private UUID id;

	private UUID boxId;

	private String reference;

	private String senderEmail;

	private Instant receivedAt;

	private int fileCount;

	private long totalSize;

	private Instant downloadedAt;

	/** Set when a deletion starts; the row goes once its blobs are gone. */
	private Instant deletedAt;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@JoinColumn(name = "submission_id", nullable = false)
	private List<ParcelPart> parts = new ArrayList<>();

	@Version
	private long version;

	protected Submission() {
	}

	Submission(SubmissionId id, UUID boxId, String reference, String senderEmail, Instant receivedAt,
			List<ParcelPart> parts) {
		this.id = id.value();
		this.boxId = boxId;
		this.reference = reference;
		this.senderEmail = senderEmail;
		this.receivedAt = receivedAt;
		this.parts.addAll(parts);
		this.fileCount = parcel().fileCount();
		this.totalSize = parcel().totalSize();
	}

	SubmissionId id() {
		return new SubmissionId(id);
	}

	UUID boxId() {
		return boxId;
	}

	String reference() {
		return reference;
	}

	String senderEmail() {
		return senderEmail;
	}

	Instant receivedAt() {
		return receivedAt;
	}

	int fileCount() {
		return fileCount;
	}

	long totalSize() {
		return totalSize;
	}

	Optional<Instant> downloadedAt() {
		return Optional.ofNullable(downloadedAt);
	}

	boolean isDeleted() {
		return deletedAt != null;
	}

	/** The encrypted parts, as parcel reads them. */
	Parcel parcel() {
		return new Parcel(reference, parts);
	}
}

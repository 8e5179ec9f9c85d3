package org.tresor.storage;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A blob that a row refers to but storage does not have: lost, or deleted behind the application's back. */
@Entity
@Table(name = "missing_blobs")
class MissingBlob {

	@Id
	private String blobId;

	private String owner;

	private Instant detectedAt;

	protected MissingBlob() {
	}

	MissingBlob(ReferencedBlob blob, Instant detectedAt) {
		this.blobId = blob.blob().value();
		this.owner = blob.owner().length() <= 200 ? blob.owner() : blob.owner().substring(0, 200);
		this.detectedAt = detectedAt;
	}

	// public for the template; the class itself stays package-private
	public String blobId() {
		return blobId;
	}

	public String owner() {
		return owner;
	}

	public Instant detectedAt() {
		return detectedAt;
	}
}

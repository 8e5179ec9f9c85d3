package org.tresor.parcel;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import org.tresor.account.UserId;
import org.tresor.crypto.KeyPacket;
import org.tresor.storage.BlobId;

/**
 * One encrypted object of a parcel: its body blob and one key packet per reader. Its owner (a submission, a
 * delivery) maps its parts as a one-to-many through its own join column of {@code parcel_parts}; the owner's
 * row takes its parts along when it goes.
 */
@Entity
@Table(name = "parcel_parts")
public class ParcelPart {

	enum Kind {
		MANIFEST, FILE
	}

	@Id
	private UUID id;

	private int position;

	@Enumerated(EnumType.STRING)
	@Column(length = 16)
	private Kind kind;

	private String blobId;

	private long plaintextSize;

	private long ciphertextSize;

	private boolean notScanned;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "parcel_key_packets", joinColumns = @JoinColumn(name = "part_id"))
	@MapKeyColumn(name = "user_id")
	@Column(name = "packet")
	private Map<UUID, String> keyPackets = new HashMap<>();

	protected ParcelPart() {
	}

	ParcelPart(int position, Kind kind, StoredPart stored) {
		this.id = UUID.randomUUID();
		this.position = position;
		this.kind = kind;
		this.blobId = stored.blob().value();
		this.plaintextSize = stored.plaintextSize();
		this.ciphertextSize = stored.ciphertextSize();
		this.notScanned = stored.notScanned();
		stored.keyPackets().forEach(this::grant);
	}

	/** A file accepted although the malware scanner could not look at it. */
	public boolean notScanned() {
		return notScanned;
	}

	int position() {
		return position;
	}

	public boolean isFile() {
		return kind == Kind.FILE;
	}

	public long plaintextSize() {
		return plaintextSize;
	}

	/** Whether {@code user} holds a key packet for this part. */
	public boolean isReadableBy(UserId user) {
		return keyPackets.containsKey(user.value());
	}

	/** Takes the key packet of {@code user} away: the body stays, but it no longer opens for them. */
	public void revoke(UserId user) {
		keyPackets.remove(user.value());
	}

	BlobId blob() {
		return new BlobId(blobId);
	}

	long ciphertextSize() {
		return ciphertextSize;
	}

	/** Lets {@code user} open this part too: one more key packet, the body stays as it is. */
	void grant(UserId user, KeyPacket packet) {
		keyPackets.putIfAbsent(user.value(), packet.base64());
	}

	/** The stored packet as it is; decoding it is part of opening, where a damaged one is announced. */
	Optional<String> keyPacketFor(UserId user) {
		return Optional.ofNullable(keyPackets.get(user.value()));
	}
}

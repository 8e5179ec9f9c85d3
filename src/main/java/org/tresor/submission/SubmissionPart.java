package org.tresor.submission;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.tresor.account.UserId;
import org.tresor.crypto.KeyPacket;
import org.tresor.parcel.EncryptedPart;
import org.tresor.parcel.StoredPart;
import org.tresor.storage.BlobId;

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

/** One encrypted object of a submission: its body blob and one key packet per recipient. */
@Entity
@Table(name = "submission_parts")
class SubmissionPart implements EncryptedPart {

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

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "key_packets", joinColumns = @JoinColumn(name = "part_id"))
	@MapKeyColumn(name = "user_id")
	@Column(name = "packet")
	private Map<UUID, String> keyPackets = new HashMap<>();

	protected SubmissionPart() {
	}

	SubmissionPart(int position, Kind kind, StoredPart stored) {
		this.id = UUID.randomUUID();
		this.position = position;
		this.kind = kind;
		this.blobId = stored.blob().value();
		this.plaintextSize = stored.plaintextSize();
		this.ciphertextSize = stored.ciphertextSize();
		stored.keyPackets().forEach((user, packet) -> this.keyPackets.put(user.value(),
				packet.base64()));
	}

	int position() {
		return position;
	}

	boolean isFile() {
		return kind == Kind.FILE;
	}

	@Override
	public BlobId blob() {
		return new BlobId(blobId);
	}

	@Override
	public long plaintextSize() {
		return plaintextSize;
	}

	@Override
	public long ciphertextSize() {
		return ciphertextSize;
	}

	/** Lets {@code user} open this part too: one more key packet, the body stays as it is. */
	void grant(UserId user, KeyPacket packet) {
		keyPackets.putIfAbsent(user.value(), packet.base64());
	}

	@Override
	public Optional<KeyPacket> keyPacketFor(UserId user) {
		return Optional.ofNullable(keyPackets.get(user.value()))
			.map(KeyPacket::ofBase64);
	}
}

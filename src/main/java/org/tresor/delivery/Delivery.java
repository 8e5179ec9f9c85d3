package org.tresor.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.tresor.account.UserId;

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
 * Documents a staff member sends out. Only metadata lives here; the message text and the file names are in
 * the encrypted manifest part, the files in encrypted file parts. The parts go once no recipient can fetch
 * them any more (all deleted it, or it expired); the record stays for the sender's outbox.
 */
@Entity
@Table(name = "deliveries")
class Delivery {

	@Id
	private UUID id;

	private String reference;

	private UUID senderId;

	private String senderEmail;

	private String subject;

	private Instant createdAt;

	private Instant expiresAt;

	private int fileCount;

	private long totalSize;

	private Instant purgedAt;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@JoinColumn(name = "delivery_id", nullable = false)
	@Fetch(FetchMode.SUBSELECT)
	private List<DeliveryRecipient> recipients = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@JoinColumn(name = "delivery_id", nullable = false)
	@Fetch(FetchMode.SUBSELECT)
	private List<ParcelPart> parts = new ArrayList<>();

	@Version
	private long version;

	protected Delivery() {
	}

	Delivery(DeliveryId id, String reference, UserId sender, String senderEmail, String subject, Instant createdAt,
			Instant expiresAt, List<DeliveryRecipient> recipients, List<ParcelPart> parts) {
		this.id = id.value();
		this.reference = reference;
		this.senderId = sender.value();
		this.senderEmail = senderEmail;
		this.subject = subject;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
		this.recipients.addAll(recipients);
		this.parts.addAll(parts);
		this.fileCount = parcel().fileCount();
		this.totalSize = parcel().totalSize();
	}

	DeliveryId id() {
		return new DeliveryId(id);
	}

	String reference() {
		return reference;
	}

	UserId sender() {
		return new UserId(senderId);
	}

	String senderEmail() {
		return senderEmail;
	}

	String subject() {
		return subject;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant expiresAt() {
		return expiresAt;
	}

	int fileCount() {
		return fileCount;
	}

	long totalSize() {
		return totalSize;
	}

	boolean isExpired(Instant now) {
		return !now.isBefore(expiresAt);
	}

	boolean isPurged() {
		return purgedAt != null;
	}

	List<DeliveryRecipient> recipients() {
		return recipients.stream().sorted(Comparator.comparingInt(DeliveryRecipient::position)).toList();
	}

	/** The recipient at {@code position} (0 for the first address the sender typed). */
	Optional<DeliveryRecipient> recipientAt(int position) {
		return recipients.stream().filter(recipient -> recipient.position() == position).findFirst();
	}

	Optional<DeliveryRecipient> recipient(UserId user) {
		return recipients.stream().filter(recipient -> recipient.user().equals(user)).findFirst();
	}

	/** What {@code user} as a recipient may fetch now. */
	boolean isAvailableTo(UserId user, Instant now) {
		return !isPurged() && !isExpired(now)
			&& recipient(user).filter(r -> r.isCompleted() && !r.isDeleted()).isPresent();
	}

	/** The encrypted parts, as parcel reads them; none once purged. */
	Parcel parcel() {
		return new Parcel(reference, parts);
	}

	/** The recipient deletes it for themselves: their key packets go, so nothing of it opens for them again. */
	void deleteFor(UserId user, Instant now) {
		recipient(user).ifPresent(recipient -> recipient.markDeleted(now));
		parts.forEach(part -> part.revoke(user));
	}

	/** Nobody can fetch it any more: every recipient deleted it, or it expired. */
	boolean isDone(Instant now) {
		return isExpired(now) || recipients.stream().allMatch(DeliveryRecipient::isDeleted);
	}

	/** Forgets the parts; the caller removes their bodies. @return the parts that were removed */
	List<ParcelPart> purge(Instant now) {
		var removed = List.copyOf(parts);
		parts.clear();
		purgedAt = now;
		return removed;
	}

	RecipientState stateOf(DeliveryRecipient recipient, boolean recipientHasKey, boolean setupLinkExpired,
			Instant now) {
		if (recipient.isDeleted()) {
			return RecipientState.DELETED;
		}
		if (isExpired(now)) {
			return RecipientState.EXPIRED;
		}
		if (recipient.downloadedAt().isPresent()) {
			return RecipientState.DOWNLOADED;
		}
		if (recipient.isCompleted()) {
			return RecipientState.SENT;
		}
		if (recipientHasKey) {
			return RecipientState.READY_TO_COMPLETE;
		}
		return setupLinkExpired ? RecipientState.SETUP_LINK_EXPIRED : RecipientState.WAITING_FOR_SETUP;
	}
}

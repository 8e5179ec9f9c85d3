package org.tresor.submission;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.tresor.account.UserId;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A box that external people submit to; its members receive (and can decrypt) what arrives. */
@Entity
@Table(name = "submit_boxes")
class SubmitBox {

	@Id
	private UUID id;

	private String slug;

	private String name;

	private Instant createdAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "box_members", joinColumns = @JoinColumn(name = "box_id"))
	@Column(name = "user_id")
	private Set<UUID> members = new HashSet<>();

	@Version
	private long version;

	protected SubmitBox() {
	}

	SubmitBox(String slug, String name, Instant now) {
		this.id = UUID.randomUUID();
		this.slug = slug;
		this.name = name;
		this.createdAt = now;
	}

	// public for the templates; the class itself stays package-private
	public UUID id() {
		return id;
	}

	public String slug() {
		return slug;
	}

	public String name() {
		return name;
	}

	void rename(String name) {
		this.name = name;
	}

	Set<UserId> members() {
		return members.stream().map(UserId::new).collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

	boolean hasMember(UserId user) {
		return members.contains(user.value());
	}

	void addMember(UserId user) {
		members.add(user.value());
	}

	void removeMember(UserId user) {
		members.remove(user.value());
	}
}

package org.tresor.submission;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tresor.account.AdministratorCreated;
import org.tresor.account.UserDeleted;
import org.tresor.account.UserId;

/** Submit boxes and who belongs to them. */
@Service
class Boxes {

	private final SubmitBoxes boxes;

	private final SubmissionProperties properties;

	private final Clock clock;

	Boxes(SubmitBoxes boxes, SubmissionProperties properties, Clock clock) {
		this.boxes = boxes;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	SubmitBox defaultBox() {
		return boxes.findBySlug(properties.defaultBoxSlug())
			.orElseGet(() -> boxes.save(new SubmitBox(properties.defaultBoxSlug(), properties.defaultBoxName(), clock.instant())));
	}

	/** {@code /submit/info} answers from the very first start. */
	@EventListener(ApplicationReadyEvent.class)
	void ensureDefaultBox() {
		defaultBox();
	}

	/** The first administrator receives at the default box right away, in the same transaction. */
	@EventListener
	void onAdministratorCreated(AdministratorCreated event) {
		addMember(defaultBox().id(), event.user());
	}

	/** A deleted account is no member anywhere, in the deleting transaction. */
	@EventListener
	void onUserDeleted(UserDeleted event) {
		for (var id : boxes.idsOfBoxesWithMember(event.user().value())) {
			boxes.findById(id).ifPresent(box -> box.removeMember(event.user()));
		}
	}

	@Transactional(readOnly = true)
	Optional<SubmitBox> bySlug(String slug) {
		return boxes.findBySlug(slug);
	}

	@Transactional(readOnly = true)
	SubmitBox byId(UUID box) {
		return find(box);
	}

	@Transactional(readOnly = true)
	List<SubmitBox> all() {
		return boxes.findAllByOrderByName();
	}

	@Transactional
	SubmitBox create(String slug, String name) {
		if (boxes.findBySlug(slug).isPresent()) {
			throw new IllegalArgumentException("slug taken");
		}
		return boxes.save(new SubmitBox(slug, name, clock.instant()));
	}

	@Transactional
	void rename(UUID box, String name) {
		find(box).rename(name);
	}

	@Transactional
	void addMember(UUID box, UserId user) {
		find(box).addMember(user);
	}

	@Transactional
	void removeMember(UUID box, UserId user) {
		find(box).removeMember(user);
	}

	private SubmitBox find(UUID box) {
		return boxes.findById(box).orElseThrow(SubmissionNotFoundException::new);
	}
}

package org.tresor.submission;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

interface SubmitBoxes extends ListCrudRepository<SubmitBox, UUID> {

	Optional<SubmitBox> findBySlug(String slug);

	List<SubmitBox> findAllByOrderByName();

	@Query("select b.id from SubmitBox b join b.members m where m = :user")
	List<UUID> idsOfBoxesWithMember(UUID user);
}

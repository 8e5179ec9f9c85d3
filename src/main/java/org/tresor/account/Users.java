package org.tresor.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.CrudRepository;

interface Users extends CrudRepository<User, UUID> {

	Optional<User> findByEmail(String email);

	default Optional<User> findByEmail(EmailAddress email) {
		return findByEmail(email.value());
	}

	default Optional<User> findById(UserId id) {
		return findById(id.value());
	}

	@Query("select count(u) > 0 from User u where u.roles like '%ADMIN%'")
	boolean existsAdministrator();

	@Query("select u from User u where u.enabled = true and (u.roles like '%ADMIN%' or u.roles like '%STAFF%') order by u.email")
	List<User> findEnabledStaff();

	List<User> findAllByOrderByEmail();

	@Query("select count(u) > 0 from User u where u.id = :id and u.enabled = true")
	boolean isEnabled(UUID id);
}

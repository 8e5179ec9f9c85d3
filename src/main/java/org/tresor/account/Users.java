package org.tresor.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.CrudRepository;

import jakarta.persistence.LockModeType;

interface Users extends CrudRepository<User, UUID> {

	Optional<User> findByEmail(String email);

	default Optional<User> findByEmail(EmailAddress email) {
		return findByEmail(email.value());
	}

	default Optional<User> findById(UserId id) {
		return findById(id.value());
	}

	/**
	 * Notes a sign-in in one statement, without the version check: sign-ins of one account at once (two tabs, a
	 * burst) must not fail each other. Gives 1 if the user is there.
	 */
	@Modifying
	@Query("update User u set u.lastLoginAt = :now where u.id = :id")
	int recordSignIn(UUID id, Instant now);

	/** The user, locked until the transaction ends: two requests that renew their set-up link take turns. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u from User u where u.id = :id")
	Optional<User> findLockedById(UUID id);

	/**
	 * Every administrator, locked until the transaction ends (always in the same order, so two requests take turns
	 * rather than deadlock): whoever takes the administrator role from someone counts the others while nobody else
	 * can.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u from User u where u.roles like '%ADMIN%' order by u.id")
	List<User> findAdministratorsLocked();

	/** Whether {@code id} is the one active administrator; counted under {@link #findAdministratorsLocked()}. */
	default boolean isLastActiveAdministrator(UserId id) {
		var active = findAdministratorsLocked().stream().filter(User::isActiveAdministrator).toList();
		return active.size() == 1 && active.get(0).id().equals(id);
	}

	@Query("select count(u) > 0 from User u where u.roles like '%ADMIN%'")
	boolean existsAdministrator();

	@Query("select u from User u where u.enabled = true and (u.roles like '%ADMIN%' or u.roles like '%STAFF%') order by u.email")
	List<User> findEnabledStaff();

	List<User> findAllByOrderByEmail();

	@Query("""
			select new org.tresor.account.AccountState(u.enabled, u.credentialsChangedAt, u.roles,
			    case when u.totpSecret is not null then true else false end,
			    case when exists (select s from AccountSetting s
			                      where s.name = 'second-factor-required' and s.value = 'true') then true else false end,
			    case when u.publicKey is not null then true else false end)
			from User u where u.id = :id""")
	Optional<AccountState> state(UUID id);

	/**
	 * Accounts that are external only (not staff, not administrators) and whose last login, or their
	 * creation if they never logged in, is before {@code before}.
	 */
	@Query("""
			select u from User u
			where u.roles = 'EXTERNAL'
			  and coalesce(u.lastLoginAt, u.activatedAt, u.createdAt) < :before""")
	List<User> findExternalInactiveSince(Instant before);

	@Query("""
			select u from User u
			where u.id = :id and u.roles = 'EXTERNAL'
			  and coalesce(u.lastLoginAt, u.activatedAt, u.createdAt) < :before""")
	Optional<User> findExternalInactiveSince(UUID id, Instant before);
}

package org.tresor.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tresor.kernel.LinkToken;

/** Administrators invite staff members and switch accounts off and on. */
@Service
public class Invitations {

	/**
	 * A user as the administrator sees them, with what the administrator may do to them now; {@code lastLogin} is
	 * null until the first login.
	 */
	record Member(UserId id, String email, Set<Role> roles, State state, Instant lastLogin, boolean mayDisable,
			boolean mayEnable, boolean mayDelete, boolean mayGrantAdministrator, boolean mayRevokeAdministrator,
			boolean maySendSetupLink) {
	}

	enum State {
		WAITING, ACTIVE, DISABLED
	}

	private static final Logger log = LoggerFactory.getLogger(Invitations.class);

	private final Users users;

	private final SetupLinks links;

	private final ApplicationEventPublisher events;

	private final AccountProperties properties;

	private final Clock clock;

	Invitations(Users users, SetupLinks links, ApplicationEventPublisher events, AccountProperties properties,
			Clock clock) {
		this.users = users;
		this.links = links;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/** Every account, as {@code administrator} sees it. */
	@Transactional(readOnly = true)
	public List<Member> members(UserId administrator) {
		var all = users.findAllByOrderByEmail();
		var activeAdministrators = all.stream().filter(User::isActiveAdministrator).count();
		return all.stream().map(user -> {
			var state = stateOf(user);
			var last = user.isActiveAdministrator() && activeAdministrators == 1;
			return new Member(user.id(), user.email().value(), user.roles(), state, user.lastLoginAt().orElse(null),
					state != State.DISABLED && !user.id().equals(administrator) && !last, state == State.DISABLED,
					state == State.DISABLED, mayBecomeAdministrator(user), user.has(Role.ADMIN) && !last,
					state == State.WAITING);
		}).toList();
	}

	/**
	 * Makes an enabled staff member an administrator as well (one still waiting for set-up acts as one once set up).
	 * Nothing happens for external recipients, disabled accounts and administrators.
	 */
	@Transactional
	public void grantAdministrator(UserId id, UserId administrator) {
		users.findById(id).filter(Invitations::mayBecomeAdministrator).ifPresent(user -> {
			user.grant(Role.ADMIN);
			events.publishEvent(new AdministratorGranted(user.id(), user.email().value(), administrator));
			log.info("User {} made an administrator by {}", user.id().value(), administrator.value());
		});
	}

	/**
	 * Takes the administrator role from {@code id}, who stays staff; administrators may step down themselves.
	 *
	 * @throws LastAdministratorException if {@code id} is the last active administrator
	 */
	@Transactional
	public void revokeAdministrator(UserId id, UserId administrator) {
		refuseLastAdministrator(id);
		users.findById(id).filter(user -> user.has(Role.ADMIN)).ifPresent(user -> {
			user.revoke(Role.ADMIN);
			events.publishEvent(new AdministratorRevoked(user.id(), user.email().value(), administrator));
			log.info("User {} is no longer an administrator, by {}", user.id().value(), administrator.value());
		});
	}

	/**
	 * A new set-up link for someone still waiting for set-up (staff or an external recipient), in a
	 * {@link SetupLinkIssued} event: for a link that expired or a mail that got lost. Their earlier links stop
	 * working. Nothing happens for accounts that are set up or disabled.
	 */
	@Transactional
	public void sendSetupLinkAgain(UserId id, UserId administrator) {
		users.findLockedById(id.value()).filter(user -> user.isEnabled() && !user.isActive()).ifPresent(user -> {
			issueSetupLink(user, user.languageTag());
			log.info("Set-up link for user {} sent again by {}", user.id().value(), administrator.value());
		});
	}

	/**
	 * Invites {@code email} as a staff member: a new user waiting for set-up, or one that already waits,
	 * gets a fresh setup link (older ones stop working) in a {@link SetupLinkIssued} event.
	 *
	 * @throws ExternalAccountException if the address belongs to an external recipient of deliveries: inviting
	 * them would make them staff; their set-up link is sent again from the sender's outbox
	 * @throws EmailAlreadyRegisteredException if the address already has an active account
	 */
	@Transactional
	public void inviteStaff(EmailAddress email, String languageTag) {
		var now = clock.instant();
		var user = users.findByEmail(email).orElseGet(() -> User.invited(email, Set.of(Role.STAFF), languageTag, now));
		if (!user.has(Role.STAFF) && !user.has(Role.ADMIN)) {
			throw new ExternalAccountException();
		}
		if (user.isActive()) {
			throw new EmailAlreadyRegisteredException();
		}
		user.grant(Role.STAFF);
		user.prefer(languageTag);
		user.enable();
		users.save(user);
		issueSetupLink(user, languageTag);
		log.info("Set-up link issued for user {}", user.id().value());
	}

	private void issueSetupLink(User user, String languageTag) {
		links.deleteByUserId(user.id().value());
		// a token nobody learns: the mail gets a fresh one when it is written (freshSetupToken)
		var link = links.save(SetupLink.forAccount(LinkToken.random(), user.id(), clock.instant(),
				properties.setupLinkLifetime()));
		events.publishEvent(new SetupLinkIssued(user.id(), link.id(), user.email().value(), link.expiresAt(),
				languageTag));
	}

	/**
	 * Refuses future logins of the user and ends their sessions at their next request; administrators cannot
	 * lock themselves out.
	 *
	 * @throws LastAdministratorException if {@code id} is the last active administrator
	 */
	@Transactional
	public void disable(UserId id, UserId administrator) {
		if (id.equals(administrator)) {
			return;
		}
		refuseLastAdministrator(id);
		users.findById(id).filter(User::isEnabled).ifPresent(user -> {
			user.disable();
			events.publishEvent(new UserDisabled(user.id(), user.email().value(), administrator));
			log.info("User {} disabled by {}", user.id().value(), administrator.value());
		});
	}

	@Transactional
	public void enable(UserId id, UserId administrator) {
		users.findById(id).filter(user -> !user.isEnabled()).ifPresent(user -> {
			user.enable();
			events.publishEvent(new UserEnabled(user.id(), user.email().value(), administrator));
			log.info("User {} enabled by {}", user.id().value(), administrator.value());
		});
	}

	/**
	 * Removes a disabled account with its key and set-up links; other modules drop their references in the same
	 * transaction. Only disabled accounts can go, so deleting always takes two deliberate steps; administrators
	 * cannot delete themselves.
	 */
	@Transactional
	public void delete(UserId id, UserId administrator) {
		if (id.equals(administrator)) {
			return;
		}
		users.findById(id).filter(user -> !user.isEnabled()).ifPresent(user -> {
			users.delete(user);
			events.publishEvent(new UserDeleted(user.id(), user.email().value(), administrator));
			log.info("User {} deleted by {}", user.id().value(), administrator.value());
		});
	}

	/** Under the lock of every administrator, so two administrators cannot remove each other at once. */
	private void refuseLastAdministrator(UserId id) {
		if (users.isLastActiveAdministrator(id)) {
			throw new LastAdministratorException();
		}
	}

	private static boolean mayBecomeAdministrator(User user) {
		return user.isEnabled() && user.has(Role.STAFF) && !user.has(Role.ADMIN);
	}

	private static State stateOf(User user) {
		if (!user.isEnabled()) {
			return State.DISABLED;
		}
		return user.isActive() ? State.ACTIVE : State.WAITING;
	}
}

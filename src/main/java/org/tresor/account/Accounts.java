package org.tresor.account;

import java.nio.CharBuffer;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tresor.kernel.LinkToken;
import org.tresor.crypto.Keys;
import org.tresor.crypto.ProtectedKey;
import org.tresor.crypto.PublicKeyRing;
import org.tresor.crypto.SecuPass;
import org.tresor.crypto.UnlockedKey;
import org.tresor.crypto.WrongSecuPassException;
import org.tresor.protection.ClientAddresses;
import org.tresor.protection.Limit;
import org.tresor.protection.RateLimits;
import org.tresor.protection.TooManyAttemptsException;

/** What other modules may ask of user accounts. */
@Service
public class Accounts {

	private static final Logger log = LoggerFactory.getLogger(Accounts.class);

	private final Users users;

	private final SetupLinks links;

	private final Keys keys;

	private final AccountProperties properties;

	private final Clock clock;

	private final RateLimits limits;

	private final ClientAddresses clients;

	private final PasswordEncoder passwords;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	Accounts(Users users, SetupLinks links, Keys keys, AccountProperties properties, Clock clock, RateLimits limits,
			ClientAddresses clients, PasswordEncoder passwords, TransactionTemplate transactions,
			ApplicationEventPublisher events) {
		this.passwords = passwords;
		this.transactions = transactions;
		this.events = events;
		this.users = users;
		this.links = links;
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
		this.limits = limits;
		this.clients = clients;
	}

	@Transactional(readOnly = true)
	public Optional<UserSummary> find(UserId id) {
		return users.findById(id).map(User::summary);
	}

	/** The enabled user with this address, if there is one. */
	@Transactional(readOnly = true)
	public Optional<UserSummary> findByEmail(EmailAddress email) {
		return users.findByEmail(email).filter(User::isEnabled).map(User::summary);
	}

	/**
	 * Makes {@code email} ready to receive a delivery. A person without an account gets an external one
	 * (the address is the user name, mails in {@code language}); whoever has not set up access yet gets a new single-use setup link.
	 * Earlier links stay valid until they expire, so every mail that was sent keeps working (the link of each mail is
	 * the latest token of its own set-up link).
	 *
	 * @throws RecipientDisabledException if an administrator switched the account off
	 */
	@Transactional
	public RecipientAccount recipient(EmailAddress email, Locale language) {
		var now = clock.instant();
		var user = users.findByEmail(email)
			.orElseGet(() -> users.save(User.invited(email, Set.of(Role.EXTERNAL), Languages.tagOf(language), now)));
		if (!user.isEnabled()) {
			throw new RecipientDisabledException(email.value());
		}
		if (user.isActive()) {
			return new RecipientAccount(user.summary(), Optional.empty());
		}
		// a token nobody learns: the mail gets a fresh one when it is written (freshSetupToken)
		var link = links.save(SetupLink.forAccount(LinkToken.random(), user.id(), now, properties.setupLinkLifetime()));
		return new RecipientAccount(user.summary(),
				Optional.of(new RecipientAccount.SetupInvitation(link.id(), link.expiresAt())));
	}

	/**
	 * Those of {@code recipients} with an external account who still wait for set-up (enabled, no key) and whose every set-up link
	 * expired or was replaced: nothing they were sent can open their account any more.
	 */
	@Transactional(readOnly = true)
	public Set<UserId> withExpiredSetupLink(Collection<UserId> recipients) {
		var ids = recipients.stream().map(UserId::value).distinct().toList();
		if (ids.isEmpty()) {
			return Set.of();
		}
		var usable = Set.copyOf(links.withUsableLink(ids, clock.instant()));
		var expired = new LinkedHashSet<UserId>();
		users.findAllById(ids)
			.forEach(user -> {
				if (isExternalOnly(user) && user.isEnabled() && !user.isActive() && !usable.contains(user.id().value())) {
					expired.add(user.id());
				}
			});
		return expired;
	}

	/**
	 * A new set-up link for a recipient whose every link {@link #withExpiredSetupLink expired}; the old links
	 * are deleted. Nothing happens for anyone else (staff, set up, switched off, or holding a link that still works),
	 * so a link can be renewed at most once per link lifetime, whoever asks and however often.
	 *
	 * @return the recipient with the new link, or empty if there was nothing to renew
	 */
	@Transactional
	public Optional<RecipientAccount> renewExpiredSetupLink(UserId recipient) {
		var now = clock.instant();
		var user = users.findLockedById(recipient.value()).orElse(null);
		if (user == null || !isExternalOnly(user) || !user.isEnabled() || user.isActive()
				|| !links.withUsableLink(List.of(recipient.value()), now).isEmpty()) {
			return Optional.empty();
		}
		links.deleteByUserId(recipient.value());
		// a token nobody learns: the mail gets a fresh one when it is written (freshSetupToken)
		var link = links.save(SetupLink.forAccount(LinkToken.random(), user.id(), now, properties.setupLinkLifetime()));
		return Optional.of(new RecipientAccount(user.summary(),
				Optional.of(new RecipientAccount.SetupInvitation(link.id(), link.expiresAt()))));
	}

	/**
	 * A new token for the set-up link, made when its mail is written and committed before it returns: the raw
	 * token never waits in the database (not even in the event publication registry while SMTP is down), and
	 * the mail never holds a link the database does not know. The link's earlier token stops working. Empty
	 * if the link is gone (a newer invitation replaced it), used or expired: then no mail is due.
	 */
	@Transactional
	public Optional<LinkToken> freshSetupToken(SetupLinkId id) {
		return links.findById(id.value()).flatMap(link -> link.renew(clock.instant()));
	}

	/**
	 * Enabled staff and administrators, by e-mail; those still waiting for set-up have
	 * {@link UserSummary#hasKey() no key} yet.
	 */
	@Transactional(readOnly = true)
	public List<UserSummary> staff() {
		return users.findEnabledStaff().stream().map(User::summary).toList();
	}

	/** The certificates of those of {@code users} that have a key. */
	@Transactional(readOnly = true)
	public Map<UserId, PublicKeyRing> publicKeysOf(Collection<UserId> users) {
		var keys = new LinkedHashMap<UserId, PublicKeyRing>();
		this.users.findAllById(users.stream().map(UserId::value).distinct().toList())
			.forEach(user -> user.publicKey().ifPresent(key -> keys.put(user.id(), key)));
		return keys;
	}

	/**
	 * Every SecuPass entry comes through here: it counts towards the client's rate limit, and a wrong one towards
	 * the lockouts of the account and of the client. While either is locked, even the right SecuPass is refused
	 * before Argon2 runs. Not in a transaction: the counts commit on their own and the key is read by itself.
	 *
	 * @throws WrongSecuPassException if the SecuPass does not unlock the user's key (one longer than any that
	 * set-up accepts is refused unchecked), or the user has no key
	 * @throws TooManyAttemptsException if the client or the account has had too many attempts
	 */
	public UnlockedKey unlock(UserId user, SecuPass pass) {
		return withKey(user, pass, key -> keys.unlock(key, pass));
	}

	/**
	 * Locks the user's key with {@code next} instead of {@code current}: the same key, so everything sent to the user
	 * opens as before, and nothing else changes. {@code current} is checked as every SecuPass entry is
	 * ({@link #unlock}); Argon2 runs outside any transaction. The new key is written only if nobody changed it
	 * meanwhile.
	 *
	 * @throws WrongSecuPassException if {@code current} does not unlock the key, or another change came first
	 * @throws SecuPassLikePasswordException if {@code next} is the account's password
	 * @throws TooManyAttemptsException if the client or the account has had too many attempts
	 */
	public void changeSecuPass(UserId user, SecuPass current, SecuPass next) {
		record Change(ProtectedKey before, ProtectedKey after) {
		}
		var change = withKey(user, current, key -> new Change(key, keys.reprotect(key, current, next)));
		var passwordHash = users.findById(user).flatMap(User::passwordHash);
		if (passwordHash.filter(hash -> passwords.matches(CharBuffer.wrap(next.characters()), hash)).isPresent()) {
			throw new SecuPassLikePasswordException();
		}
		transactions.executeWithoutResult(status -> {
			var changing = users.findById(user)
				.filter(found -> found.secretKey().filter(key -> Arrays.equals(key.encoded(), change.before().encoded())).isPresent())
				.orElseThrow(WrongSecuPassException::new);
			changing.replaceSecretKey(change.after());
			events.publishEvent(new SecuPassChanged(user, changing.email().value()));
		});
		log.info("User {} changed the SecuPass", user.value());
	}

	/**
	 * Runs {@code use} on the user's key with rate limits and lockouts: the entry counts towards the client's rate
	 * limit, and a wrong SecuPass towards the lockouts of the account and of the client. While either is locked,
	 * even the right SecuPass is refused before Argon2 runs.
	 */
	private <T> T withKey(UserId user, SecuPass pass, Function<ProtectedKey, T> use) {
		var client = clients.current();
		client.ifPresent(address -> limits.acquire(Limit.SECUPASS_ENTRIES_PER_ADDRESS, address));
		limits.checkNotLocked(Limit.WRONG_SECUPASSES_PER_ACCOUNT, user.value().toString());
		client.ifPresent(address -> limits.checkNotLocked(Limit.WRONG_SECUPASSES_PER_ADDRESS, address));
		try {
			if (pass.characters().length > SecuPassStrength.MAX_LENGTH) {
				throw new WrongSecuPassException();
			}
			var key = users.findById(user).flatMap(User::secretKey).orElseThrow(WrongSecuPassException::new);
			return use.apply(key);
		}
		catch (WrongSecuPassException e) {
			limits.recordFailure(Limit.WRONG_SECUPASSES_PER_ACCOUNT, user.value().toString());
			client.ifPresent(address -> limits.recordFailure(Limit.WRONG_SECUPASSES_PER_ADDRESS, address));
			throw e;
		}
	}

	/** Staff set-up links come from an administrator's invitation only. */
	private static boolean isExternalOnly(User user) {
		return !user.has(Role.STAFF) && !user.has(Role.ADMIN);
	}
}

package org.tresor.account;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tresor.crypto.Keys;
import org.tresor.crypto.PublicKeyRing;
import org.tresor.crypto.SecuPass;
import org.tresor.crypto.UnlockedKey;
import org.tresor.crypto.WrongSecuPassException;

/** What other modules may ask of user accounts. */
@Service
public class Accounts {

	private final Users users;

	private final Keys keys;

	Accounts(Users users, Keys keys) {
		this.users = users;
		this.keys = keys;
	}

	@Transactional(readOnly = true)
	public Optional<UserSummary> find(UserId id) {
		return users.findById(id).map(User::summary);
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
	 * @throws WrongSecuPassException if the SecuPass does not unlock the user's key, or the user has no
	 * key
	 */
	@Transactional(readOnly = true)
	public UnlockedKey unlock(UserId user, SecuPass pass) {
		var key = users.findById(user).flatMap(User::secretKey).orElseThrow(WrongSecuPassException::new);
		return keys.unlock(key, pass);
	}
}

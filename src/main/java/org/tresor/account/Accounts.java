package org.tresor.account;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.tresor.crypto.PublicKeyRing;
import org.tresor.crypto.SecuPass;
import org.tresor.crypto.UnlockedKey;

/** What other modules may ask of user accounts. */
@Service
public class Accounts {

	public Optional<UserSummary> find(UserId id) {
		throw new UnsupportedOperationException("not yet implemented");
	}

	/** Active staff and administrators, by e-mail. */
	public List<UserSummary> staff() {
		throw new UnsupportedOperationException("not yet implemented");
	}

	/** The certificates of those of {@code users} that have a key. */
	public Map<UserId, PublicKeyRing> publicKeysOf(Collection<UserId> users) {
		throw new UnsupportedOperationException("not yet implemented");
	}

	/** @throws org.tresor.crypto.WrongSecuPassException if the SecuPass does not unlock the user's key */
	public UnlockedKey unlock(UserId user, SecuPass pass) {
		throw new UnsupportedOperationException("not yet implemented");
	}
}

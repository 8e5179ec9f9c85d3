package org.tresor.account;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tresor.crypto.Keys;
import org.tresor.crypto.SecuPass;

/** A signed-in user takes their own key elsewhere, for example into GnuPG. */
@Service
public class KeyExports {

	/** What the account page shows. */
	record KeyOwner(String email, String fingerprint) {

		/** The fingerprint in groups of four, as GnuPG shows it. */
		public String fingerprintGroups() {
			return fingerprint == null ? null : fingerprint.replaceAll("(.{4})(?!$)", "$1 ");
		}
	}

	private final Users users;

	private final Keys keys;

	private final Accounts accounts;

	KeyExports(Users users, Keys keys, Accounts accounts) {
		this.users = users;
		this.keys = keys;
		this.accounts = accounts;
	}

	@Transactional(readOnly = true)
	public KeyOwner owner(UserId id) {
		var user = user(id);
		return new KeyOwner(user.email().value(), user.publicKey().map(key -> key.fingerprint()).orElse(null));
	}

	/** The ASCII-armored certificate. */
	@Transactional(readOnly = true)
	public byte[] publicKey(UserId id) {
		return keys.exportPublicKey(user(id).publicKey().orElseThrow(() -> new IllegalStateException("no key")));
	}

	/**
	 * The ASCII-armored secret key, still locked by the SecuPass.
	 *
	 * @throws org.tresor.crypto.WrongSecuPassException if {@code secuPass} does not unlock the key
	 */
	public byte[] secretKey(UserId id, SecuPass secuPass) {
		// checked like every SecuPass entry (rate limit, lockout) before the export converts the key
		accounts.unlock(id, secuPass);
		var key = user(id).secretKey().orElseThrow(() -> new IllegalStateException("no key"));
		return keys.exportSecretKey(key, secuPass);
	}

	private User user(UserId id) {
		return users.findById(id).orElseThrow(() -> new IllegalStateException("signed-in user does not exist"));
	}
}

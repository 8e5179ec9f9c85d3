package org.tresor.crypto;

import org.springframework.stereotype.Service;

/** Users' OpenPGP keys: generation, unlocking with the SecuPass, export. */
@Service
public class Keys {

	/** A v4 key (Ed25519 primary, X25519 encryption subkey) for {@code userId}, locked by {@code pass}. */
	public UserKeyPair generate(String userId, SecuPass pass) {
		throw new UnsupportedOperationException("not yet implemented");
	}

	/** @throws WrongSecuPassException if {@code pass} does not unlock the key */
	public UnlockedKey unlock(ProtectedKey key, SecuPass pass) {
		throw new UnsupportedOperationException("not yet implemented");
	}

	/** ASCII-armored secret key that GnuPG 2.2 imports, protected by the same SecuPass. */
	public byte[] exportSecretKey(ProtectedKey key, SecuPass pass) {
		throw new UnsupportedOperationException("not yet implemented");
	}

	/** ASCII-armored certificate. */
	public byte[] exportPublicKey(PublicKeyRing key) {
		throw new UnsupportedOperationException("not yet implemented");
	}
}

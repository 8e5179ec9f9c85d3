package org.tresor.crypto;

/** A freshly generated key: the certificate to encrypt to and the secret key locked by the SecuPass. */
public record UserKeyPair(PublicKeyRing publicKey, ProtectedKey secretKey) {
}

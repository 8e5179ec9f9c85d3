package org.tresor.crypto;

/** A user's OpenPGP certificate (binary transferable public key) and its v4 fingerprint in upper-case hex. */
public record PublicKeyRing(byte[] encoded, String fingerprint) {
}

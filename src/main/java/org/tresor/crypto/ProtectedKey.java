package org.tresor.crypto;

/** A user's OpenPGP secret key ring (binary), its secret parts locked by the SecuPass. */
public record ProtectedKey(byte[] encoded) {
}

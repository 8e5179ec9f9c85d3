/**
 * OpenPGP keys, SecuPass protection, streaming encryption and decryption, re-wrapping a session key for a new
 * reader, key export. Its API is the top package ({@code Envelopes}, {@code Keys}, {@code KeyPacket}, {@code
 * SecuPass}, ...); the speed code (pipelines, read-ahead, libgcrypt, batched CFB) is in {@code internal}. No
 * web, no JPA, no feature, nothing of Tresor.
 */
@ApplicationModule(displayName = "Crypto", allowedDependencies = {})
package org.tresor.crypto;

import org.springframework.modulith.ApplicationModule;

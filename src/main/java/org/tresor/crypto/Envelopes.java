package org.tresor.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.springframework.stereotype.Service;

/** Streaming OpenPGP envelope encryption: one body per object, one key packet per recipient. */
@Service
public class Envelopes {

	/**
	 * Starts encrypting to all {@code recipients}. The SEIPD body (tag 18 packet, AES-256, MDC, no
	 * compression) streams to {@code body}; {@code literalName} is the name inside the literal data packet.
	 */
	public EncryptingStream encrypt(List<PublicKeyRing> recipients, String literalName, OutputStream body)
			throws IOException {
		throw new UnsupportedOperationException("not yet implemented");
	}

	/**
	 * Plaintext of {@code body}, decrypted while reading. Reading past the end throws
	 * {@link IntegrityException} if the body was tampered with. Closing it closes {@code body}.
	 */
	public InputStream decrypt(UnlockedKey key, KeyPacket packet, InputStream body) throws IOException {
		throw new UnsupportedOperationException("not yet implemented");
	}

	/** A key packet for {@code newRecipient} carrying the same session key; the body is not touched. */
	public KeyPacket rewrap(UnlockedKey holder, KeyPacket holderPacket, PublicKeyRing newRecipient) {
		throw new UnsupportedOperationException("not yet implemented");
	}

	/** {@code packet + body}: the complete OpenPGP message that GnuPG decrypts with the recipient's key. */
	public InputStream encryptedMessage(KeyPacket packet, InputStream body) {
		throw new UnsupportedOperationException("not yet implemented");
	}
}

package org.tresor.crypto;

import java.util.Base64;

/**
 * One OpenPGP public-key encrypted session-key packet (tag 1, complete with header) that opens a body
 * blob for one recipient. {@code KeyPacket + body} is a complete OpenPGP message.
 */
public record KeyPacket(byte[] encoded) {

	/** The packet as the database keeps it. */
	public String base64() {
		return Base64.getEncoder().encodeToString(encoded);
	}

	public static KeyPacket ofBase64(String base64) {
		return new KeyPacket(Base64.getDecoder().decode(base64));
	}
}

package org.tresor.crypto;

/**
 * One OpenPGP public-key encrypted session-key packet (tag 1, complete with header) that opens a body
 * blob for one recipient. {@code KeyPacket + body} is a complete OpenPGP message.
 */
public record KeyPacket(byte[] encoded) {
}

package org.tresor.crypto;

/**
 * Just enough of the OpenPGP packet framing (RFC 9580, section 4.2) to cut a message into its key
 * packets and its body, without BouncyCastle re-encoding anything.
 */
final class Packets {

	static final int PUBLIC_KEY_ENCRYPTED_SESSION_KEY = 1;

	static final int SYMMETRICALLY_ENCRYPTED_INTEGRITY_PROTECTED_DATA = 18;

	private Packets() {
	}

	/**
	 * The header at {@code offset}, or {@code null} if {@code length} bytes do not hold all of it yet.
	 * {@code bodyLength} is -1 for partial or indeterminate lengths.
	 */
	static Header header(byte[] bytes, int offset, int length) {
		if (length < 1) {
			return null;
		}
		int first = bytes[offset] & 0xFF;
		if ((first & 0x80) == 0) {
			throw new IllegalArgumentException("Not an OpenPGP packet header: " + Integer.toHexString(first));
		}
		if ((first & 0x40) != 0) {
			return newFormat(first & 0x3F, bytes, offset, length);
		}
		return oldFormat((first >> 2) & 0x0F, first & 0x03, bytes, offset, length);
	}

	/** Whether {@code bytes} is exactly one tag-1 packet with a definite length. */
	static boolean isSingleKeyPacket(byte[] bytes) {
		Header header = header(bytes, 0, bytes.length);
		return header != null && header.tag() == PUBLIC_KEY_ENCRYPTED_SESSION_KEY && header.bodyLength() >= 0
				&& header.packetLength() == bytes.length;
	}

	private static Header newFormat(int tag, byte[] bytes, int offset, int length) {
		if (length < 2) {
			return null;
		}
		int first = bytes[offset + 1] & 0xFF;
		if (first < 192) {
			return new Header(tag, 2, first);
		}
		if (first < 224) {
			return length < 3 ? null : new Header(tag, 3, ((first - 192) << 8) + (bytes[offset + 2] & 0xFF) + 192);
		}
		if (first < 255) {
			return new Header(tag, 2, -1);
		}
		return length < 6 ? null : new Header(tag, 6, bigEndian(bytes, offset + 2, 4));
	}

	private static Header oldFormat(int tag, int lengthType, byte[] bytes, int offset, int length) {
		if (lengthType == 3) {
			return new Header(tag, 1, -1);
		}
		int octets = 1 << lengthType;
		return length < 1 + octets ? null : new Header(tag, 1 + octets, bigEndian(bytes, offset + 1, octets));
	}

	private static long bigEndian(byte[] bytes, int offset, int octets) {
		long value = 0;
		for (int i = 0; i < octets; i++) {
			value = (value << 8) | (bytes[offset + i] & 0xFF);
		}
		return value;
	}

	record Header(int tag, int headerLength, long bodyLength) {

		long packetLength() {
			return headerLength + bodyLength;
		}
	}
}

package org.tresor.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sits between BouncyCastle's encrypted-data generator and the body sink: the key packets it writes
 * first are kept in memory (a few hundred bytes), everything from the tag-18 packet on streams through
 * to the body.
 */
final class KeyPacketSplitter extends OutputStream {

	private final OutputStream body;

	private final List<KeyPacket> keyPackets = new ArrayList<>();

	/** What BouncyCastle wrote before the encrypted data packet; null once passing through. */
	private ByteArrayOutputStream prefix = new ByteArrayOutputStream(512);

	private int consumed;

	KeyPacketSplitter(OutputStream body) {
		this.body = body;
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		if (prefix == null) {
			body.write(bytes, offset, length);
			return;
		}
		prefix.write(bytes, offset, length);
		split();
	}

	private void split() throws IOException {
		byte[] captured = prefix.toByteArray();
		while (true) {
			Packets.Header header = Packets.header(captured, consumed, captured.length - consumed);
			if (header == null) {
				return;
			}
			if (header.tag() == Packets.SYMMETRICALLY_ENCRYPTED_INTEGRITY_PROTECTED_DATA) {
				prefix = null;
				body.write(captured, consumed, captured.length - consumed);
				return;
			}
			if (header.tag() != Packets.PUBLIC_KEY_ENCRYPTED_SESSION_KEY || header.bodyLength() < 0) {
				throw new IOException("Unexpected OpenPGP packet with tag " + header.tag() + " before the encrypted data");
			}
			long end = consumed + header.packetLength();
			if (end > captured.length) {
				return;
			}
			keyPackets.add(new KeyPacket(Arrays.copyOfRange(captured, consumed, (int) end)));
			consumed = (int) end;
		}
	}

	@Override
	public void flush() throws IOException {
		if (prefix == null) {
			body.flush();
		}
	}

	/** The key packets in the order they were written; only once the body has started. */
	List<KeyPacket> keyPackets() {
		if (prefix != null) {
			throw new IllegalStateException("The encrypted data packet was never written");
		}
		return List.copyOf(keyPackets);
	}
}

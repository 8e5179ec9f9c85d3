package org.tresor.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sits behind the OpenPGP encryptor and splits what it writes: the key packets at the front are kept
 * (small, in memory), everything from the first encrypted-data packet (tag 18) on goes to the body sink.
 * Only packet framing (RFC 4880 section 4.2) is read here; no cryptography.
 */
final class PacketSplitter extends OutputStream {

	static final int PUBLIC_KEY_ENCRYPTED_SESSION_KEY = 1;

	static final int SYMMETRICALLY_ENCRYPTED_INTEGRITY_PROTECTED = 18;

	private final OutputStream body;

	private final ByteArrayOutputStream prefix = new ByteArrayOutputStream();

	private final List<KeyPacket> keyPackets = new ArrayList<>();

	private boolean inBody;

	PacketSplitter(OutputStream body) {
		this.body = body;
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		if (inBody) {
			body.write(bytes, offset, length);
			return;
		}
		prefix.write(bytes, offset, length);
		splitPrefix();
	}

	/** Moves every complete key packet out of the prefix; switches to the body at the first tag-18 header. */
	private void splitPrefix() throws IOException {
		var buffered = prefix.toByteArray();
		int position = 0;
		while (position < buffered.length) {
			int tag = tagAt(buffered, position);
			if (tag == SYMMETRICALLY_ENCRYPTED_INTEGRITY_PROTECTED) {
				inBody = true;
				body.write(buffered, position, buffered.length - position);
				prefix.reset();
				return;
			}
			if (tag != PUBLIC_KEY_ENCRYPTED_SESSION_KEY) {
				throw new IOException("Unexpected OpenPGP packet " + tag + " before the encrypted data");
			}
			long end = endOfPacket(buffered, position);
			if (end < 0 || end > buffered.length) {
				break;
			}
			keyPackets.add(new KeyPacket(Arrays.copyOfRange(buffered, position, (int) end)));
			position = (int) end;
		}
		prefix.reset();
		prefix.write(buffered, position, buffered.length - position);
	}

	List<KeyPacket> keyPackets() {
		return List.copyOf(keyPackets);
	}

	@Override
	public void flush() throws IOException {
		if (inBody) {
			body.flush();
		}
	}

	@Override
	public void close() throws IOException {
		if (!inBody) {
			throw new IOException("The encryptor wrote no encrypted data packet");
		}
		body.flush();
	}

	static int tagAt(byte[] data, int position) throws IOException {
		int header = data[position] & 0xFF;
		if ((header & 0x80) == 0) {
			throw new IOException("Not an OpenPGP packet header");
		}
		return (header & 0x40) != 0 ? header & 0x3F : (header >> 2) & 0x0F;
	}

	/** Offset just past the packet at {@code position}, or -1 while its header is incomplete. */
	static long endOfPacket(byte[] data, int position) throws IOException {
		int header = data[position] & 0xFF;
		int available = data.length - position;
		if ((header & 0x40) == 0) {
			int lengthType = header & 0x03;
			int lengthBytes = switch (lengthType) {
				case 0 -> 1;
				case 1 -> 2;
				case 2 -> 4;
				default -> throw new IOException("Indeterminate length is not allowed for a key packet");
			};
			if (available < 1 + lengthBytes) {
				return -1;
			}
			long length = 0;
			for (int i = 1; i <= lengthBytes; i++) {
				length = (length << 8) | (data[position + i] & 0xFF);
			}
			return position + 1L + lengthBytes + length;
		}
		if (available < 2) {
			return -1;
		}
		int first = data[position + 1] & 0xFF;
		if (first < 192) {
			return position + 2L + first;
		}
		if (first < 224) {
			if (available < 3) {
				return -1;
			}
			return position + 3L + ((first - 192) << 8) + (data[position + 2] & 0xFF) + 192;
		}
		if (first == 255) {
			if (available < 6) {
				return -1;
			}
			long length = 0;
			for (int i = 2; i < 6; i++) {
				length = (length << 8) | (data[position + i] & 0xFF);
			}
			return position + 6L + length;
		}
		throw new IOException("Partial length is not allowed for a key packet");
	}
}

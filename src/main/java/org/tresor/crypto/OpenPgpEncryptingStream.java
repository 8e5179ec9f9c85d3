package org.tresor.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;

/**
 * Plaintext → literal data packet → SEIPD packet → {@link KeyPacketSplitter} → body. Closing it writes the
 * final partial chunks and the MDC, then closes the body, like any wrapping stream.
 */
final class OpenPgpEncryptingStream extends EncryptingStream {

	private final OutputStream plaintext;

	private final PGPLiteralDataGenerator literalData;

	private final PGPEncryptedDataGenerator encryptedData;

	private final KeyPacketSplitter splitter;

	private final OutputStream body;

	private final int recipients;

	private long plaintextBytes;

	private List<KeyPacket> keyPackets;

	OpenPgpEncryptingStream(OutputStream plaintext, PGPLiteralDataGenerator literalData,
			PGPEncryptedDataGenerator encryptedData, KeyPacketSplitter splitter, OutputStream body, int recipients) {
		this.plaintext = plaintext;
		this.literalData = literalData;
		this.encryptedData = encryptedData;
		this.splitter = splitter;
		this.body = body;
		this.recipients = recipients;
	}

	@Override
	public void write(int b) throws IOException {
		ensureOpen();
		plaintext.write(b);
		plaintextBytes++;
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		ensureOpen();
		plaintext.write(bytes, offset, length);
		plaintextBytes += length;
	}

	/**
	 * Deliberately does not flush the OpenPGP layers: that would cut a partial-length chunk that is not a
	 * power of two, which the format forbids. Everything is written on {@link #close()}.
	 */
	@Override
	public void flush() {
	}

	@Override
	public void close() throws IOException {
		if (keyPackets != null) {
			return;
		}
		try (body) {
			literalData.close();
			closeEncryptedData();
			List<KeyPacket> written = splitter.keyPackets();
			if (written.size() != recipients) {
				throw new IOException("Expected " + recipients + " key packets but " + written.size() + " were written");
			}
			keyPackets = written;
		}
	}

	/**
	 * BouncyCastle asks for the MDC through an interface that cannot throw an IOException, so a write that
	 * fails while the MDC is finished (a small file's whole ciphertext goes out then: a full disk at the very
	 * end) arrives unchecked; it is handed on as the IOException it is, like any other failed write.
	 */
	private void closeEncryptedData() throws IOException {
		try {
			encryptedData.close();
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
	}

	@Override
	public List<KeyPacket> keyPackets() {
		if (keyPackets == null) {
			throw new IllegalStateException("The key packets are known only after close()");
		}
		return keyPackets;
	}

	@Override
	public long plaintextBytes() {
		return plaintextBytes;
	}

	private void ensureOpen() throws IOException {
		if (keyPackets != null) {
			throw new IOException("Stream closed");
		}
	}
}

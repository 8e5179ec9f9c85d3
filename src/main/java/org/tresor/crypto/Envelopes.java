package org.tresor.crypto;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyDataDecryptorFactoryBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyKeyEncryptionMethodGenerator;
import org.springframework.stereotype.Service;

/**
 * Streaming OpenPGP envelope encryption: one body per object, one key packet per recipient.
 *
 * <p>Bodies are SEIPD v1 (AES-256 with MDC, no compression, 64 KiB partial packets), which GnuPG 2.2 and
 * every other OpenPGP implementation read. The bulk cipher comes from the JDK (hardware AES); X25519 from
 * BouncyCastle.
 */
@Service
public class Envelopes {

	private static final int LITERAL_NAME_LIMIT = 255;

	/**
	 * Starts encrypting to all {@code recipients}. The SEIPD body (tag 18 packet, AES-256, MDC, no
	 * compression) streams to {@code body}; {@code literalName} is the name inside the literal data packet.
	 */
	public EncryptingStream encrypt(List<PublicKeyRing> recipients, String literalName, OutputStream body)
			throws IOException {
		if (recipients.isEmpty()) {
			throw new IllegalArgumentException("Encrypting needs at least one recipient");
		}
		var generator = new PGPEncryptedDataGenerator(dataEncryptor());
		for (var recipient : recipients) {
			generator.addMethod(new JcePublicKeyKeyEncryptionMethodGenerator(Keys.encryptionKey(Keys.publicRing(recipient)))
				.setProvider(OpenPgp.BOUNCY_CASTLE)
				.setSecureRandom(OpenPgp.RANDOM));
		}
		var splitter = new PacketSplitter(body);
		try {
			var encrypted = generator.open(splitter, new byte[OpenPgp.BUFFER_SIZE]);
			var literal = new PGPLiteralDataGenerator().open(encrypted, PGPLiteralData.BINARY, literalName(literalName),
					new Date(), new byte[OpenPgp.BUFFER_SIZE]);
			return new Encrypting(literal, encrypted, splitter, recipients.size());
		}
		catch (PGPException e) {
			throw new IOException("Cannot start encryption", e);
		}
	}

	/**
	 * Plaintext of {@code body}, decrypted while reading. Reading past the end throws
	 * {@link IntegrityException} if the body was tampered with. Closing it closes {@code body}.
	 */
	public InputStream decrypt(UnlockedKey key, KeyPacket packet, InputStream body) throws IOException {
		try {
			var encrypted = encryptedData(packet, encryptedMessage(packet, body), key);
			var clear = encrypted.getDataStream(decryptorFactory(key));
			var inner = new BcPGPObjectFactory(clear).nextObject();
			if (!(inner instanceof PGPLiteralData literal)) {
				body.close();
				throw new IOException("Unexpected content in the encrypted data");
			}
			return new Verifying(literal.getInputStream(), encrypted, body);
		}
		catch (PGPException e) {
			body.close();
			throw new IOException("Cannot decrypt: the key packet does not open this body", e);
		}
	}

	/** A key packet for {@code newRecipient} carrying the same session key; the body is not touched. */
	public KeyPacket rewrap(UnlockedKey holder, KeyPacket holderPacket, PublicKeyRing newRecipient) {
		try {
			// a one-byte stand-in body lets BouncyCastle read the key packet; the real body is never needed
			var standIn = new ByteArrayInputStream(new byte[] { (byte) 0xD2, 0x01, 0x01 });
			var encrypted = encryptedData(holderPacket, encryptedMessage(holderPacket, standIn), holder);
			var sessionKey = encrypted.getSessionKey(decryptorFactory(holder));
			var generator = new JcePublicKeyKeyEncryptionMethodGenerator(
					Keys.encryptionKey(Keys.publicRing(newRecipient)))
				.setProvider(OpenPgp.BOUNCY_CASTLE)
				.setSecureRandom(OpenPgp.RANDOM);
			// the generator adds the algorithm octet and checksum (RFC 4880 5.1) itself
			var packet = generator.generate(dataEncryptor(), sessionKey.getKey());
			return new KeyPacket(packet.getEncoded());
		}
		catch (PGPException | IOException e) {
			throw new IllegalArgumentException("Cannot re-wrap: the key packet does not belong to this key", e);
		}
	}

	/** {@code packet + body}: the complete OpenPGP message that GnuPG decrypts with the recipient's key. */
	public InputStream encryptedMessage(KeyPacket packet, InputStream body) {
		return new SequenceInputStream(new ByteArrayInputStream(packet.encoded()), body);
	}

	private static JcePGPDataEncryptorBuilder dataEncryptor() {
		return new JcePGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(true)
			.setSecureRandom(OpenPgp.RANDOM)
			.setProvider(OpenPgp.BULK_PROVIDER);
	}

	private static org.bouncycastle.openpgp.operator.PublicKeyDataDecryptorFactory decryptorFactory(UnlockedKey key) {
		return new JcePublicKeyDataDecryptorFactoryBuilder().setProvider(OpenPgp.BOUNCY_CASTLE)
			.setContentProvider(OpenPgp.BULK_PROVIDER)
			.build(key.decryptionKey());
	}

	private static PGPPublicKeyEncryptedData encryptedData(KeyPacket packet, InputStream message, UnlockedKey key)
			throws IOException {
		var object = new BcPGPObjectFactory(BCPGInputStream.wrap(message)).nextObject();
		if (!(object instanceof PGPEncryptedDataList list) || list.isEmpty()
				|| !(list.get(0) instanceof PGPPublicKeyEncryptedData encrypted)) {
			throw new IOException("Not an OpenPGP public-key encrypted message");
		}
		if (encrypted.getKeyID() != key.decryptionKey().getKeyID()) {
			throw new IOException("The key packet is for another key");
		}
		return encrypted;
	}

	private static String literalName(String name) {
		var bytes = name.getBytes(StandardCharsets.UTF_8);
		if (bytes.length <= LITERAL_NAME_LIMIT) {
			return name;
		}
		// cut on a character boundary: drop continuation bytes at the cut
		int end = LITERAL_NAME_LIMIT;
		while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
			end--;
		}
		return new String(Arrays.copyOf(bytes, end), StandardCharsets.UTF_8);
	}

	private static final class Encrypting extends EncryptingStream {

		private final OutputStream literal;

		private final OutputStream encrypted;

		private final PacketSplitter splitter;

		private final int recipients;

		private long plaintextBytes;

		private boolean closed;

		Encrypting(OutputStream literal, OutputStream encrypted, PacketSplitter splitter, int recipients) {
			this.literal = literal;
			this.encrypted = encrypted;
			this.splitter = splitter;
			this.recipients = recipients;
		}

		@Override
		public void write(int b) throws IOException {
			literal.write(b);
			plaintextBytes++;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			literal.write(bytes, offset, length);
			plaintextBytes += length;
		}

		@Override
		public void close() throws IOException {
			if (closed) {
				return;
			}
			closed = true;
			literal.close();
			encrypted.close();
			splitter.close();
			if (splitter.keyPackets().size() != recipients) {
				throw new IOException("Expected " + recipients + " key packets, found " + splitter.keyPackets().size());
			}
		}

		@Override
		public List<KeyPacket> keyPackets() {
			if (!closed) {
				throw new IllegalStateException("Key packets are known once the stream is closed");
			}
			return splitter.keyPackets();
		}

		@Override
		public long plaintextBytes() {
			return plaintextBytes;
		}
	}

	/** Hands out plaintext and, at its end, insists on a valid integrity check. */
	private static final class Verifying extends FilterInputStream {

		private final PGPPublicKeyEncryptedData encrypted;

		private final InputStream body;

		private boolean verified;

		Verifying(InputStream plaintext, PGPPublicKeyEncryptedData encrypted, InputStream body) {
			super(plaintext);
			this.encrypted = encrypted;
			this.body = body;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b == -1) {
				verify();
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = in.read(buffer, offset, length);
			if (read == -1) {
				verify();
			}
			return read;
		}

		private void verify() throws IOException {
			if (verified) {
				return;
			}
			try {
				if (!encrypted.verify()) {
					throw new IntegrityException("The encrypted data was modified: integrity check failed");
				}
			}
			catch (PGPException e) {
				throw new IntegrityException("The encrypted data is damaged: " + e.getMessage());
			}
			verified = true;
		}

		@Override
		public void close() throws IOException {
			try {
				super.close();
			}
			finally {
				body.close();
			}
		}
	}
}

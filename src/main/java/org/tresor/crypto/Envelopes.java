package org.tresor.crypto;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSessionKey;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyDataDecryptorFactoryBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyKeyEncryptionMethodGenerator;
import org.springframework.stereotype.Service;
import org.tresor.crypto.internal.BouncyCastle;
import org.tresor.crypto.internal.CfbCiphers;
import org.tresor.crypto.internal.PipelinedDataEncryptorBuilder;
import org.tresor.crypto.internal.PipelinedDecryptorFactory;

import jakarta.annotation.PreDestroy;

/** Streaming OpenPGP envelope encryption: one body per object, one key packet per recipient. */
@Service
public class Envelopes {

	/**
	 * Partial-packet and read buffer size. 64 KiB keeps the cipher busy; 1 MiB buffers measured slower
	 * (GC churn), and this is the memory each open stream costs, whatever the file size.
	 */
	static final int BUFFER_SIZE = 1 << 16;

	/** A literal data packet stores its file name in a one-octet length field. */
	static final int MAX_LITERAL_NAME_BYTES = 255;

	/** An empty SEIPD v1 packet: lets BouncyCastle parse a lone key packet, which it only reads before data. */
	private static final byte[] EMPTY_ENCRYPTED_DATA = { (byte) 0xD2, 0x01, 0x01 };

	/** The format octets a literal data packet may carry (RFC 9580, 5.9): binary, text, UTF-8, MIME, local. */
	private static final String LITERAL_FORMATS = "btuml1";

	/**
	 * Chunks between the writer and the encryption task: their size and number, 1 MiB per open stream. Eight
	 * chunks of 64 KiB uploaded 1 GiB in 1.81 to 1.97 s, four of 128 KiB in 1.93 to 2.29 s (the same memory;
	 * smaller chunks stay in the core's caches from the copy in to the hash, and match the partial packets the
	 * writer's thread frames); four of 64 KiB took 1.95 to 2.14 s, sixteen of 32 KiB 1.84 to 1.97 s.
	 */
	static final int PIPELINE_CHUNK_SIZE = 1 << 16;

	static final int PIPELINE_CHUNKS = 8;

	private final SecureRandom random = new SecureRandom();

	/**
	 * Runs the cipher and the MDC hashing of each open stream next to its caller: behind an upload's writer,
	 * ahead of a download's reader. Threads end when idle.
	 */
	private final ExecutorService pipelines = Executors.newCachedThreadPool(daemonThreads("tresor-pipeline-"));

	private final CfbCiphers ciphers;

	Envelopes(CfbCiphers ciphers) {
		BouncyCastle.register();
		this.ciphers = ciphers;
	}

	@PreDestroy
	void shutdown() {
		pipelines.shutdown();
	}

	/**
	 * Starts encrypting to all {@code recipients}. The SEIPD body (tag 18 packet, AES-256, MDC, no
	 * compression) streams to {@code body}; {@code literalName} is the name inside the literal data packet.
	 * Closing the returned stream completes the body and closes {@code body}.
	 */
	public EncryptingStream encrypt(List<PublicKeyRing> recipients, String literalName, OutputStream body)
			throws IOException {
		if (recipients.isEmpty()) {
			throw new IllegalArgumentException("An envelope needs at least one recipient");
		}
		var encryptedData = new PGPEncryptedDataGenerator(
				new PipelinedDataEncryptorBuilder(random, ciphers, pipelines, PIPELINE_CHUNK_SIZE, PIPELINE_CHUNKS));
		for (PublicKeyRing recipient : recipients) {
			encryptedData.addMethod(keyEncryption(recipient));
		}
		var splitter = new KeyPacketSplitter(body);
		try {
			OutputStream encrypted = encryptedData.open(splitter, new byte[BUFFER_SIZE]);
			var literalData = new PGPLiteralDataGenerator();
			OutputStream plaintext = literalData.open(encrypted, PGPLiteralData.BINARY, literalName(literalName),
					new Date(), new byte[BUFFER_SIZE]);
			return new OpenPgpEncryptingStream(plaintext, literalData, encryptedData, splitter, body, recipients.size());
		}
		catch (PGPException ex) {
			throw new IOException("Cannot start encrypting", ex);
		}
	}

	/**
	 * Plaintext of {@code body}, decrypted while reading. Reading past the end throws
	 * {@link IntegrityException} if the body was tampered with. Closing it closes {@code body}.
	 */
	public InputStream decrypt(UnlockedKey key, KeyPacket packet, InputStream body) throws IOException {
		var source = new FailureRecordingInputStream(new BufferedInputStream(body, BUFFER_SIZE));
		try {
			PGPPublicKeyEncryptedData encryptedData = open(packet, source);
			PGPSessionKey sessionKey = sessionKey(key, encryptedData);
			InputStream clear;
			try {
				clear = encryptedData.getDataStream(new PipelinedDecryptorFactory(sessionKey, ciphers, BUFFER_SIZE, pipelines));
			}
			catch (PGPException ex) {
				throw new IOException("The encrypted data cannot be decrypted with this key packet", ex);
			}
			return new DecryptingStream(literalData(clear, source), encryptedData, source);
		}
		catch (IOException | RuntimeException ex) {
			source.close();
			throw ex;
		}
	}

	/** A key packet for {@code newRecipient} carrying the same session key; the body is not touched. */
	public KeyPacket rewrap(UnlockedKey holder, KeyPacket holderPacket, PublicKeyRing newRecipient) {
		try {
			PGPSessionKey sessionKey = sessionKey(holder, open(holderPacket,
					new FailureRecordingInputStream(new ByteArrayInputStream(EMPTY_ENCRYPTED_DATA))));
			var dataEncryption = new JcePGPDataEncryptorBuilder(sessionKey.getAlgorithm()).setWithIntegrityPacket(true);
			return new KeyPacket(keyEncryption(newRecipient).generate(dataEncryption, sessionKey.getKey()).getEncoded());
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
		catch (PGPException ex) {
			throw new IllegalStateException("Cannot encrypt the session key to " + newRecipient.fingerprint(), ex);
		}
	}

	/** {@code packet + body}: the complete OpenPGP message that GnuPG decrypts with the recipient's key. */
	public InputStream encryptedMessage(KeyPacket packet, InputStream body) {
		return new SequenceInputStream(new ByteArrayInputStream(packet.encoded()), body);
	}

	private static ThreadFactory daemonThreads(String prefix) {
		var count = new AtomicInteger();
		return task -> {
			var thread = new Thread(task, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/** {@code name} cut to what a literal data packet holds, never in the middle of a UTF-8 sequence. */
	static String literalName(String name) {
		if (name == null) {
			return "";
		}
		byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
		if (utf8.length <= MAX_LITERAL_NAME_BYTES) {
			return name;
		}
		int end = MAX_LITERAL_NAME_BYTES;
		while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
			end--;
		}
		return new String(utf8, 0, end, StandardCharsets.UTF_8);
	}

	private JcePublicKeyKeyEncryptionMethodGenerator keyEncryption(PublicKeyRing recipient) {
		return new JcePublicKeyKeyEncryptionMethodGenerator(KeyRings.encryptionKey(KeyRings.parse(recipient)))
			.setProvider(BouncyCastle.PROVIDER)
			.setSecureRandom(random);
	}

	private static PGPPublicKeyEncryptedData open(KeyPacket packet, FailureRecordingInputStream body)
			throws IOException {
		if (!Packets.isSingleKeyPacket(packet.encoded())) {
			throw new IOException("Not an OpenPGP public-key encrypted session key packet");
		}
		PGPEncryptedDataList encryptedDataList;
		try {
			encryptedDataList = new PGPEncryptedDataList(
					new SequenceInputStream(new ByteArrayInputStream(packet.encoded()), body));
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof IOException io && body.threw(io)) {
				throw io;
			}
			throw new IOException("The body is not OpenPGP encrypted data", ex);
		}
		if (!encryptedDataList.isIntegrityProtected()) {
			throw new IntegrityException("The encrypted data has no integrity protection");
		}
		return (PGPPublicKeyEncryptedData) encryptedDataList.get(0);
	}

	private static PGPSessionKey sessionKey(UnlockedKey key, PGPPublicKeyEncryptedData encryptedData) throws IOException {
		long recipient = encryptedData.getKeyID();
		if (recipient != 0 && recipient != key.decryptionKey().getKeyID()) {
			throw new IOException("The key packet is not addressed to this key");
		}
		try {
			return encryptedData.getSessionKey(new JcePublicKeyDataDecryptorFactoryBuilder().setProvider(BouncyCastle.PROVIDER)
				.setContentProvider(BouncyCastle.BULK_PROVIDER)
				.build(key.decryptionKey()));
		}
		catch (PGPException | RuntimeException ex) {
			throw new IOException("The key packet cannot be opened with this key", ex);
		}
	}

	/**
	 * Our bodies hold one literal data packet; GnuPG-made messages may compress it first. Anything else means
	 * the body was damaged or the session key is not this body's: BouncyCastle (rightly) skips the "quick
	 * check" of RFC 4880 that could have told the two apart, as it is a known decryption oracle.
	 * <p>
	 * A wrong session key turns the body into noise, which now and then parses as a literal data packet
	 * (one swapped key packet in 116 did, over 20,000 tries). Its header must therefore also name a format
	 * of RFC 9580 and a file name in UTF-8, as every literal packet Tresor writes does: then none of 20,000
	 * got through, and a swapped key packet is refused before the first byte instead of failing the
	 * integrity check at the end of the download.
	 */
	private static InputStream literalData(InputStream clear, FailureRecordingInputStream source) throws IOException {
		Object next;
		try {
			next = new BcPGPObjectFactory(clear).nextObject();
			if (next instanceof PGPCompressedData compressed) {
				next = new BcPGPObjectFactory(compressed.getDataStream()).nextObject();
			}
		}
		catch (IOException ex) {
			if (source.threw(ex)) {
				throw ex;
			}
			throw notThisBody(ex);
		}
		catch (PGPException | RuntimeException ex) {
			throw notThisBody(ex);
		}
		if (next instanceof PGPLiteralData literal && isWellFormed(literal)) {
			return literal.getInputStream();
		}
		throw notThisBody(null);
	}

	private static boolean isWellFormed(PGPLiteralData literal) {
		if (LITERAL_FORMATS.indexOf(literal.getFormat()) < 0) {
			return false;
		}
		try {
			StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(literal.getRawFileName()));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static IntegrityException notThisBody(Exception cause) {
		var exception = new IntegrityException(
				"The encrypted data is damaged or does not belong to this key packet");
		exception.initCause(cause);
		return exception;
	}
}

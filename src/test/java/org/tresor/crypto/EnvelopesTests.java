package org.tresor.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tresor.crypto.TestKeys.ALICE;
import static org.tresor.crypto.TestKeys.BOB;
import static org.tresor.crypto.TestKeys.CAROL;
import static org.tresor.crypto.TestKeys.decrypt;
import static org.tresor.crypto.TestKeys.encrypt;
import static org.tresor.AtOnce.atOnce;
import static org.tresor.crypto.TestKeys.randomBytes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.tresor.crypto.CryptoProperties.AesEngine;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyDataDecryptorFactoryBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyKeyEncryptionMethodGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tresor.crypto.TestKeys.Envelope;

class EnvelopesTests {

	private static final byte[] PLAINTEXT = randomBytes(3 * 1024 * 1024 + 12345);

	private final Envelopes envelopes = TestKeys.envelopes(AesEngine.AUTO);

	@Nested
	@TestInstance(Lifecycle.PER_CLASS)
	class Encryption {

		private Envelope envelope;

		@BeforeAll
		void encryptToAliceAndBob() throws IOException {
			envelope = encrypt(envelopes, PLAINTEXT, ALICE, BOB);
		}

		@Test
		void letsEachRecipientDecryptTheSameBytes() throws IOException {
			assertThat(decrypt(envelopes, ALICE, envelope.keyPackets().get(0), envelope.body())).isEqualTo(PLAINTEXT);
			assertThat(decrypt(envelopes, BOB, envelope.keyPackets().get(1), envelope.body())).isEqualTo(PLAINTEXT);
		}

		@Test
		void writesOneKeyPacketPerRecipientInRecipientOrder() {
			assertThat(envelope.keyPackets()).hasSize(2);
			assertThat(keyId(envelope.keyPackets().get(0))).isEqualTo(ALICE.unlocked().decryptionKey().getKeyID());
			assertThat(keyId(envelope.keyPackets().get(1))).isEqualTo(BOB.unlocked().decryptionKey().getKeyID());
		}

		@Test
		void writesEachKeyPacketAsOneCompleteTag1Packet() {
			assertThat(envelope.keyPackets()).allSatisfy(packet -> {
				Packets.Header header = Packets.header(packet.encoded(), 0, packet.encoded().length);
				assertThat(header.tag()).isEqualTo(1);
				assertThat(header.packetLength()).isEqualTo(packet.encoded().length);
			});
		}

		@Test
		void startsTheBodyWithTheEncryptedDataPacket() {
			Packets.Header header = Packets.header(envelope.body(), 0, envelope.body().length);

			assertThat(header.tag()).isEqualTo(18);
		}

		@Test
		void keepsTheFileNameInsideTheEncryptionWithoutCompression() throws Exception {
			PGPLiteralData literal = openWithBouncyCastle(ALICE, envelope.keyPackets().get(0), envelope.body());

			assertThat(literal.getFileName()).isEqualTo("report.pdf");
			assertThat(literal.getFormat()).isEqualTo(PGPLiteralData.BINARY);
			assertThat(new String(envelope.body(), StandardCharsets.ISO_8859_1)).doesNotContain("report.pdf");
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 15, 16, 17, Envelopes.BUFFER_SIZE - 1, Envelopes.BUFFER_SIZE, Envelopes.BUFFER_SIZE + 1,
			2 * Envelopes.BUFFER_SIZE + 13, 1_000_003 })
	void decryptsWhatItEncryptedWhateverTheSizeAndReadPattern(int size) throws IOException {
		byte[] plaintext = randomBytes(size);
		Envelope envelope = encrypt(envelopes, plaintext, ALICE);
		var random = new Random(size);

		var read = new ByteArrayOutputStream();
		try (InputStream in = envelopes.decrypt(ALICE.unlocked(), envelope.keyPackets().get(0),
				new ByteArrayInputStream(envelope.body()))) {
			byte[] buffer = new byte[100_000];
			int n;
			while ((n = in.read(buffer, 0, 1 + random.nextInt(buffer.length))) != -1) {
				read.write(buffer, 0, n);
			}
		}

		assertThat(read.toByteArray()).isEqualTo(plaintext);
	}

	@ParameterizedTest
	@EnumSource(names = { "LIBGCRYPT", "JDK" })
	void keepsManyStreamsAtOnceApartWithEitherAesEngine(AesEngine engine) throws Exception {
		if (engine == AesEngine.LIBGCRYPT) {
			GnuPg.assumeAvailable();
		}
		Envelopes shared = TestKeys.envelopes(engine);
		int streams = 8;
		var next = new AtomicInteger();

		List<Boolean> roundTrips = atOnce(streams, () -> {
			// a different length, so different bytes, for each stream
			byte[] plaintext = randomBytes(3 * Envelopes.BUFFER_SIZE + 101 + 17 * next.getAndIncrement());
			Envelope envelope = encrypt(shared, plaintext, ALICE);
			return Arrays.equals(decrypt(shared, ALICE, envelope.keyPackets().get(0), envelope.body()), plaintext);
		});

		assertThat(roundTrips).containsOnly(true).hasSize(streams);
	}

	@Test
	void encryptsAndDecryptsEmptyContent() throws IOException {
		Envelope envelope = encrypt(envelopes, new byte[0], ALICE);

		assertThat(decrypt(envelopes, ALICE, envelope.keyPackets().get(0), envelope.body())).isEmpty();
	}

	@Test
	void countsThePlaintextBytes() throws IOException {
		var body = new ByteArrayOutputStream();
		try (EncryptingStream encrypting = envelopes.encrypt(List.of(ALICE.keyPair().publicKey()), "a.txt", body)) {
			encrypting.write(7);
			encrypting.write(new byte[1000], 10, 500);

			assertThat(encrypting.plaintextBytes()).isEqualTo(501);
		}
	}

	@Test
	void tellsTheKeyPacketsOnlyAfterClosing() throws IOException {
		EncryptingStream encrypting = envelopes.encrypt(List.of(ALICE.keyPair().publicKey()), "a.txt",
				OutputStream.nullOutputStream());

		assertThatIllegalStateException().isThrownBy(encrypting::keyPackets);
	}

	@Test
	void closesTheBodySinkWhenClosed() throws IOException {
		var closed = new boolean[1];
		var body = new ByteArrayOutputStream() {

			@Override
			public void close() {
				closed[0] = true;
			}
		};

		envelopes.encrypt(List.of(ALICE.keyPair().publicKey()), "a.txt", body).close();

		assertThat(closed[0]).isTrue();
	}

	/**
	 * A small file's last chunks reach the body only when the MDC is finished on close (BouncyCastle asks for
	 * it through a method that cannot throw IOException); a full disk then surfaces as the sink's own
	 * IOException, as it does for a large file, not as an unchecked wrapper.
	 */
	@ParameterizedTest
	@ValueSource(ints = { 0, 1000, 100_000, 300_000 })
	void reportsTheSinksFailureAtTheVeryEndAsThatIOException(int size) throws IOException {
		var full = new IOException("No space left on device");
		var closing = new boolean[1];
		var body = new OutputStream() {

			@Override
			public void write(int b) throws IOException {
				write(new byte[] { (byte) b }, 0, 1);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				if (closing[0]) {
					throw full;
				}
			}
		};
		var encrypting = envelopes.encrypt(List.of(ALICE.keyPair().publicKey()), "a.txt", body);
		encrypting.write(randomBytes(size));
		closing[0] = true;

		assertThatThrownBy(encrypting::close).isSameAs(full);
	}

	@Test
	void refusesToEncryptToNobody() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> envelopes.encrypt(List.of(), "a.txt", OutputStream.nullOutputStream()));
	}

	@Test
	void cutsLongFileNamesAtACharacterBoundary() {
		String name = "ä".repeat(200);

		String cut = Envelopes.literalName(name);

		assertThat(cut).isEqualTo("ä".repeat(127));
		assertThat(Envelopes.literalName("x" + "😀".repeat(100))).isEqualTo("x" + "😀".repeat(63));
		assertThat(Envelopes.literalName("short.txt")).isEqualTo("short.txt");
	}

	@Nested
	@TestInstance(Lifecycle.PER_CLASS)
	class Integrity {

		private Envelope envelope;

		@BeforeAll
		void encryptToAlice() throws IOException {
			envelope = encrypt(envelopes, PLAINTEXT, ALICE);
		}

		@Test
		void detectsAFlippedByteInTheMiddleWhenReadingToTheEnd() {
			byte[] tampered = envelope.body().clone();
			tampered[tampered.length / 2 + 7] ^= 0x01;

			assertThatExceptionOfType(IntegrityException.class)
				.isThrownBy(() -> decrypt(envelopes, ALICE, envelope.keyPackets().get(0), tampered));
		}

		@Test
		void detectsAFlippedByteInTheLastBlock() {
			byte[] tampered = envelope.body().clone();
			tampered[tampered.length - 3] ^= 0x40;

			assertThatExceptionOfType(IntegrityException.class)
				.isThrownBy(() -> decrypt(envelopes, ALICE, envelope.keyPackets().get(0), tampered));
		}

		@Test
		void detectsAFlippedBitAroundEveryBufferBoundaryAndAnywhereElse() {
			var random = new Random(8);
			var positions = new ArrayList<Integer>();
			for (int boundary = Envelopes.BUFFER_SIZE; boundary < envelope.body().length; boundary += Envelopes.BUFFER_SIZE) {
				positions.addAll(List.of(boundary - 1, boundary, boundary + 1));
			}
			for (int i = 0; i < 20; i++) {
				positions.add(random.nextInt(envelope.body().length));
			}
			for (int position : positions) {
				byte[] tampered = envelope.body().clone();
				tampered[position] ^= (byte) (1 << random.nextInt(8));

				assertThatExceptionOfType(IntegrityException.class).as("flipped bit at %d", position)
					.isThrownBy(() -> decrypt(envelopes, ALICE, envelope.keyPackets().get(0), tampered));
			}
		}

		@Test
		void detectsATruncatedBody() {
			for (int length : new int[] { envelope.body().length - 1, envelope.body().length - 22,
					envelope.body().length / 2 }) {
				byte[] truncated = Arrays.copyOf(envelope.body(), length);

				assertThatExceptionOfType(IntegrityException.class)
					.isThrownBy(() -> decrypt(envelopes, ALICE, envelope.keyPackets().get(0), truncated));
			}
		}

		@Test
		void keepsFailingAfterTheIntegrityCheckFailed() throws IOException {
			byte[] tampered = envelope.body().clone();
			tampered[tampered.length - 3] ^= 0x40;
			try (InputStream plaintext = envelopes.decrypt(ALICE.unlocked(), envelope.keyPackets().get(0),
					new ByteArrayInputStream(tampered))) {
				assertThatExceptionOfType(IntegrityException.class).isThrownBy(plaintext::readAllBytes);
				assertThatExceptionOfType(IntegrityException.class).isThrownBy(plaintext::read);
			}
		}

		@Test
		void passesStorageFailuresOnUnchanged() {
			var failure = new IOException("disk gone");
			InputStream failing = new FilterInputStream(new ByteArrayInputStream(envelope.body())) {

				private int read;

				@Override
				public int read(byte[] bytes, int offset, int length) throws IOException {
					if (read > 1_000_000) {
						throw failure;
					}
					int n = super.read(bytes, offset, length);
					read += Math.max(n, 0);
					return n;
				}
			};

			assertThatIOException().isThrownBy(() -> {
				try (InputStream plaintext = envelopes.decrypt(ALICE.unlocked(), envelope.keyPackets().get(0), failing)) {
					plaintext.readAllBytes();
				}
			}).isSameAs(failure);
		}

		@Test
		void closesTheBodyWhenClosed() throws IOException {
			var closed = new boolean[1];
			InputStream body = new ByteArrayInputStream(envelope.body()) {

				@Override
				public void close() {
					closed[0] = true;
				}
			};

			envelopes.decrypt(ALICE.unlocked(), envelope.keyPackets().get(0), body).close();

			assertThat(closed[0]).isTrue();
		}
	}

	@Nested
	@TestInstance(Lifecycle.PER_CLASS)
	class WrongKeyPacket {

		private Envelope envelope;

		@BeforeAll
		void encryptToAlice() throws IOException {
			envelope = encrypt(envelopes, PLAINTEXT, ALICE);
		}

		@Test
		void saysSoWhenThePacketIsForSomebodyElse() {
			assertThatIOException()
				.isThrownBy(() -> decrypt(envelopes, BOB, envelope.keyPackets().get(0), envelope.body()))
				.isNotInstanceOf(IntegrityException.class)
				.withMessage("The key packet is not addressed to this key");
		}

		@Test
		void failsTheIntegrityCheckWhenThePacketBelongsToAnotherBody() throws IOException {
			Envelope other = encrypt(envelopes, new byte[] { 1, 2, 3 }, ALICE);

			assertThatExceptionOfType(IntegrityException.class)
				.isThrownBy(() -> decrypt(envelopes, ALICE, other.keyPackets().get(0), envelope.body()));
		}

		@ParameterizedTest
		@ValueSource(strings = { "b", "t", "u", "m", "l", "1" })
		void opensALiteralPacketOfAnyFormatOfTheStandard(String format) throws IOException {
			Envelope crafted = encryptRaw(literalPacket(format.charAt(0), "report.pdf".getBytes(StandardCharsets.UTF_8)));

			assertThat(decrypt(envelopes, ALICE, crafted.keyPackets().get(0), crafted.body())).isEqualTo(PLAINTEXT);
		}

		/** What a wrong session key makes of a body now and then: a literal packet's tag, then noise. */
		@Test
		void refusesALiteralPacketOfNoKnownFormatBeforeTheFirstByte() throws IOException {
			Envelope crafted = encryptRaw(literalPacket('X', "report.pdf".getBytes(StandardCharsets.UTF_8)));

			assertThatExceptionOfType(IntegrityException.class)
				.isThrownBy(() -> envelopes.decrypt(ALICE.unlocked(), crafted.keyPackets().get(0),
						new ByteArrayInputStream(crafted.body())))
				.withMessage("The encrypted data is damaged or does not belong to this key packet");
		}

		@Test
		void refusesALiteralPacketWhoseNameIsNoUtf8BeforeTheFirstByte() throws IOException {
			Envelope crafted = encryptRaw(literalPacket('b', new byte[] { 'a', (byte) 0xC3, (byte) 0x28, 'z' }));

			assertThatExceptionOfType(IntegrityException.class)
				.isThrownBy(() -> envelopes.decrypt(ALICE.unlocked(), crafted.keyPackets().get(0),
						new ByteArrayInputStream(crafted.body())))
				.withMessage("The encrypted data is damaged or does not belong to this key packet");
		}

		@Test
		void refusesABodyThatIsNoEncryptedData() {
			assertThatIOException()
				.isThrownBy(() -> decrypt(envelopes, ALICE, envelope.keyPackets().get(0), "plain text".getBytes()))
				.withMessage("The body is not OpenPGP encrypted data");
		}

		@Test
		void refusesSomethingThatIsNoKeyPacket() {
			assertThatIOException().isThrownBy(
					() -> decrypt(envelopes, ALICE, new KeyPacket(Arrays.copyOf(envelope.body(), 40)), envelope.body()));
		}
	}

	/** A literal data packet of PLAINTEXT with a definite length, written by hand to vary its header. */
	private static byte[] literalPacket(char format, byte[] name) {
		var packet = new ByteArrayOutputStream();
		int length = 1 + 1 + name.length + 4 + PLAINTEXT.length;
		packet.write(0xC0 | 11);
		packet.write(0xFF);
		packet.writeBytes(new byte[] { (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length });
		packet.write(format);
		packet.write(name.length);
		packet.writeBytes(name);
		packet.writeBytes(new byte[4]);
		packet.writeBytes(PLAINTEXT);
		return packet.toByteArray();
	}

	/** {@code plaintext} as it is, integrity protected and encrypted to Alice: the packets inside are ours to shape. */
	private static Envelope encryptRaw(byte[] plaintext) throws IOException {
		var generator = new PGPEncryptedDataGenerator(
				new JcePGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(true));
		generator.addMethod(new JcePublicKeyKeyEncryptionMethodGenerator(
				KeyRings.encryptionKey(KeyRings.parse(ALICE.keyPair().publicKey()))));
		var message = new ByteArrayOutputStream();
		try (OutputStream encrypted = generator.open(message, new byte[1 << 12])) {
			encrypted.write(plaintext);
		}
		catch (org.bouncycastle.openpgp.PGPException ex) {
			throw new IOException(ex);
		}
		byte[] bytes = message.toByteArray();
		int split = (int) Packets.header(bytes, 0, bytes.length).packetLength();
		return new Envelope(List.of(new KeyPacket(Arrays.copyOf(bytes, split))), Arrays.copyOfRange(bytes, split, bytes.length));
	}

	@Nested
	@TestInstance(Lifecycle.PER_CLASS)
	class Rewrap {

		private Envelope envelope;

		private KeyPacket forCarol;

		@BeforeAll
		void encryptToAliceThenRewrapForCarol() throws IOException {
			envelope = encrypt(envelopes, PLAINTEXT, ALICE);
			forCarol = envelopes.rewrap(ALICE.unlocked(), envelope.keyPackets().get(0), CAROL.keyPair().publicKey());
		}

		@Test
		void letsTheNewRecipientDecryptTheUnchangedBody() throws IOException {
			assertThat(decrypt(envelopes, CAROL, forCarol, envelope.body())).isEqualTo(PLAINTEXT);
		}

		@Test
		void leavesTheHoldersPacketWorking() throws IOException {
			assertThat(decrypt(envelopes, ALICE, envelope.keyPackets().get(0), envelope.body())).isEqualTo(PLAINTEXT);
		}

		@Test
		void writesATag1PacketForTheNewRecipient() {
			assertThat(Packets.isSingleKeyPacket(forCarol.encoded())).isTrue();
			assertThat(keyId(forCarol)).isEqualTo(CAROL.unlocked().decryptionKey().getKeyID());
		}

		@Test
		void refusesAHolderThePacketIsNotFor() {
			assertThatIllegalArgumentException().isThrownBy(
					() -> envelopes.rewrap(BOB.unlocked(), envelope.keyPackets().get(0), CAROL.keyPair().publicKey()));
		}
	}

	@Test
	void framesKeyPacketAndBodyAsOneMessage() throws IOException {
		var message = envelopes.encryptedMessage(new KeyPacket(new byte[] { 1, 2 }), new ByteArrayInputStream(new byte[] { 3 }));

		assertThat(message.readAllBytes()).containsExactly(1, 2, 3);
	}

	private static long keyId(KeyPacket packet) {
		try {
			var list = new PGPEncryptedDataList(new ByteArrayInputStream(concat(packet.encoded(), new byte[] { (byte) 0xD2, 1, 1 })));
			return ((PGPPublicKeyEncryptedData) list.get(0)).getKeyID();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static PGPLiteralData openWithBouncyCastle(TestKeys.Person person, KeyPacket packet, byte[] body)
			throws Exception {
		var list = new PGPEncryptedDataList(new ByteArrayInputStream(concat(packet.encoded(), body)));
		var data = (PGPPublicKeyEncryptedData) list.get(0);
		InputStream clear = data.getDataStream(
				new JcePublicKeyDataDecryptorFactoryBuilder().setProvider("BC").build(person.unlocked().decryptionKey()));
		return (PGPLiteralData) new BcPGPObjectFactory(clear).nextObject();
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}
}

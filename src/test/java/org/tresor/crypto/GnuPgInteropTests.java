package org.tresor.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tresor.crypto.TestKeys.ALICE;
import static org.tresor.crypto.TestKeys.BOB;
import static org.tresor.crypto.TestKeys.CAROL;
import static org.tresor.crypto.TestKeys.KEYS;
import static org.tresor.crypto.TestKeys.decrypt;
import static org.tresor.crypto.TestKeys.encrypt;
import static org.tresor.crypto.TestKeys.envelopes;
import static org.tresor.crypto.TestKeys.randomBytes;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.tresor.crypto.CryptoProperties.AesEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tresor.crypto.TestKeys.Envelope;

/**
 * What Tresor writes, GnuPG 2.2 reads, and back: the promise that every stored object can be decrypted
 * without Tresor. Runs gpg in a throw-away home under /tmp (the agent's socket path must stay short).
 */
@TestInstance(Lifecycle.PER_CLASS)
class GnuPgInteropTests {

	private static final byte[] PLAINTEXT = randomBytes(2 * 1024 * 1024 + 77);

	private final Envelopes envelopes = envelopes(AesEngine.AUTO);

	private GnuPg gnupg;

	private byte[] exportedAliceKey;

	@BeforeAll
	void startWithAnEmptyKeyring() throws Exception {
		GnuPg.assumeAvailable();
		gnupg = GnuPg.temporaryHome();
		exportedAliceKey = KEYS.exportSecretKey(ALICE.keyPair().secretKey(), SecuPass.of(ALICE.pass()));
		gnupg.importSecretKey(exportedAliceKey, ALICE.pass());
	}

	@AfterAll
	void stopTheAgent() throws Exception {
		if (gnupg != null) {
			gnupg.close();
		}
	}

	@Test
	void importsTheExportedSecretKeyWithItsCapabilities() throws Exception {
		String keys = gnupg.gpg(null, "--with-colons", "--list-secret-keys").assertSucceeded().out();

		assertThat(keys).contains(ALICE.keyPair().publicKey().fingerprint());
		assertThat(line(keys, "sec:")).satisfies(primary -> assertThat(field(primary, 12)).contains("s", "c"));
		assertThat(line(keys, "ssb:")).satisfies(subkey -> assertThat(field(subkey, 12)).isEqualTo("e"));
	}

	/** The key itself is unchanged: what was encrypted to it before, gpg decrypts with the key exported after. */
	@Test
	void importsAKeyExportedAfterTheSecuPassChangedAndDecryptsWhatWasEncryptedBefore() throws Exception {
		Envelope earlier = encrypt(envelopes, PLAINTEXT, ALICE);
		var next = SecuPass.of("Staple battery 9?");
		var reprotected = KEYS.reprotect(ALICE.keyPair().secretKey(), SecuPass.of(ALICE.pass()), next);
		try (var other = GnuPg.temporaryHome()) {
			other.importSecretKey(KEYS.exportSecretKey(reprotected, next), "Staple battery 9?");

			try (InputStream in = envelopes.encryptedMessage(earlier.keyPackets().get(0),
					new ByteArrayInputStream(earlier.body()))) {
				assertThat(other.decrypt(in.readAllBytes(), "Staple battery 9?")).isEqualTo(PLAINTEXT);
			}
		}
	}

	@Test
	void readsTheS2KOfTheExportedSecretKey() throws Exception {
		String packets = gnupg.gpg(gnupg.write("listed.asc", exportedAliceKey), "--list-packets").assertSucceeded().out();

		assertThat(packets).contains("iter+salt S2K, algo: 9, SHA1 protection, hash: 8").contains("protect count: 33554432 (240)");
	}

	@ParameterizedTest
	@EnumSource(names = { "LIBGCRYPT", "JDK" })
	void decryptsWhatEitherAesEngineEncrypted(AesEngine engine) throws Exception {
		Envelope envelope = encrypt(envelopes(engine), PLAINTEXT, ALICE);

		assertThat(gpgDecrypt(envelope.keyPackets().get(0), envelope.body())).isEqualTo(PLAINTEXT);
	}

	@Test
	void decryptsAnEncryptedMessage() throws Exception {
		Envelope envelope = encrypt(envelopes, PLAINTEXT, BOB, ALICE);

		assertThat(gpgDecrypt(envelope.keyPackets().get(1), envelope.body())).isEqualTo(PLAINTEXT);
	}

	@Test
	void decryptsWithARewrappedKeyPacket() throws Exception {
		Envelope envelope = encrypt(envelopes, PLAINTEXT, BOB);
		KeyPacket forAlice = envelopes.rewrap(BOB.unlocked(), envelope.keyPackets().get(0), ALICE.keyPair().publicKey());

		assertThat(gpgDecrypt(forAlice, envelope.body())).isEqualTo(PLAINTEXT);
	}

	@Test
	void encryptsToTheExportedCertificateSoTresorDecrypts() throws Exception {
		gnupg.gpg(gnupg.write("carol.asc", KEYS.exportPublicKey(CAROL.keyPair().publicKey())), "--import").assertSucceeded();
		Path plaintext = gnupg.write("for-carol.bin", PLAINTEXT);
		Path encrypted = plaintext.resolveSibling("for-carol.gpg");

		gnupg.gpg(null, "--trust-model", "always", "--recipient", "carol@example.org", "--output", encrypted.toString(),
				"--encrypt", plaintext.toString()).assertSucceeded();

		byte[] message = Files.readAllBytes(encrypted);
		Packets.Header keyPacket = Packets.header(message, 0, message.length);
		assertThat(keyPacket.tag()).isEqualTo(1);
		int split = (int) keyPacket.packetLength();
		assertThat(decrypt(envelopes, CAROL, new KeyPacket(Arrays.copyOf(message, split)),
				Arrays.copyOfRange(message, split, message.length))).isEqualTo(PLAINTEXT);
	}

	@ParameterizedTest
	@EnumSource(names = { "LIBGCRYPT", "JDK" })
	void decryptsWhatGnuPgEncryptedWithEitherAesEngine(AesEngine engine) throws Exception {
		byte[] plaintext = randomBytes(300_007);

		assertThat(decryptWhatGnuPgEncryptedForCarol(envelopes(engine), plaintext)).isEqualTo(plaintext);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 15, 16, 17, 8191, 8192, 8193, 65_536, 1_048_579 })
	void decryptsWhatGnuPgEncryptedWithoutCompressionByteForByte(int size) throws Exception {
		byte[] plaintext = randomBytes(size);

		assertThat(decryptWhatGnuPgEncryptedForCarol(envelopes, plaintext)).isEqualTo(plaintext);
	}

	/** {@code plaintext} encrypted by GnuPG, uncompressed, to Carol's exported certificate; decrypted by Tresor. */
	private byte[] decryptWhatGnuPgEncryptedForCarol(Envelopes envelopes, byte[] plaintext) throws Exception {
		gnupg.gpg(gnupg.write("carol.asc", KEYS.exportPublicKey(CAROL.keyPair().publicKey())), "--import").assertSucceeded();
		Path file = gnupg.write("uncompressed.bin", plaintext);
		Path encrypted = file.resolveSibling("uncompressed.gpg");
		Files.deleteIfExists(encrypted);

		gnupg.gpg(null, "-z0", "--trust-model", "always", "--recipient", "carol@example.org", "--output",
				encrypted.toString(), "--encrypt", file.toString()).assertSucceeded();

		byte[] message = Files.readAllBytes(encrypted);
		int split = (int) Packets.header(message, 0, message.length).packetLength();
		return decrypt(envelopes, CAROL, new KeyPacket(Arrays.copyOf(message, split)),
				Arrays.copyOfRange(message, split, message.length));
	}

	private byte[] gpgDecrypt(KeyPacket packet, byte[] body) throws Exception {
		try (InputStream in = envelopes.encryptedMessage(packet, new ByteArrayInputStream(body))) {
			return gnupg.decrypt(in.readAllBytes(), ALICE.pass());
		}
	}

	private static String line(String colons, String prefix) {
		return colons.lines().filter(line -> line.startsWith(prefix)).findFirst().orElseThrow();
	}

	private static String field(String colonLine, int number) {
		return colonLine.split(":", -1)[number - 1];
	}
}

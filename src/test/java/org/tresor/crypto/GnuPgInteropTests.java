package org.tresor.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tresor.crypto.TestKeys.ALICE;
import static org.tresor.crypto.TestKeys.BOB;
import static org.tresor.crypto.TestKeys.CAROL;
import static org.tresor.crypto.TestKeys.KEYS;
import static org.tresor.crypto.TestKeys.decrypt;
import static org.tresor.crypto.TestKeys.encrypt;
import static org.tresor.crypto.TestKeys.randomBytes;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.tresor.crypto.TestKeys.Envelope;

/**
 * What Tresor writes, GnuPG 2.2 reads, and back: the promise that every stored object can be decrypted
 * without Tresor. Runs gpg in a throw-away home under /tmp (the agent's socket path must stay short).
 */
@TestInstance(Lifecycle.PER_CLASS)
class GnuPgInteropTests {

	private static final byte[] PLAINTEXT = randomBytes(2 * 1024 * 1024 + 77);

	private final Envelopes envelopes = new Envelopes();

	private Path home;

	private byte[] exportedAliceKey;

	@BeforeAll
	void startWithAnEmptyKeyring() throws Exception {
		Assumptions.assumeTrue(onPath("gpg"), "gpg is not on the PATH: GnuPG interoperability is not tested");
		home = Files.createTempDirectory(Path.of("/tmp"), "gpg",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		Files.writeString(home.resolve("alice.pass"), ALICE.pass());
		exportedAliceKey = KEYS.exportSecretKey(ALICE.keyPair().secretKey(), SecuPass.of(ALICE.pass()));
		gpg(write("alice-secret.asc", exportedAliceKey), "--import").assertSucceeded();
	}

	@AfterAll
	void stopTheAgent() throws Exception {
		if (home == null) {
			return;
		}
		run(List.of("gpgconf", "--kill", "gpg-agent"));
		try (Stream<Path> files = Files.walk(home)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

	@Test
	void importsTheExportedSecretKeyWithItsCapabilities() throws Exception {
		String keys = gpg(null, "--with-colons", "--list-secret-keys").assertSucceeded().out();

		assertThat(keys).contains(ALICE.keyPair().publicKey().fingerprint());
		assertThat(line(keys, "sec:")).satisfies(primary -> assertThat(field(primary, 12)).contains("s", "c"));
		assertThat(line(keys, "ssb:")).satisfies(subkey -> assertThat(field(subkey, 12)).isEqualTo("e"));
	}

	@Test
	void readsTheS2KOfTheExportedSecretKey() throws Exception {
		String packets = gpg(write("listed.asc", exportedAliceKey), "--list-packets").assertSucceeded().out();

		assertThat(packets).contains("iter+salt S2K, algo: 9, SHA1 protection, hash: 8").contains("protect count: 33554432 (240)");
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
		gpg(write("carol.asc", KEYS.exportPublicKey(CAROL.keyPair().publicKey())), "--import").assertSucceeded();
		Path plaintext = write("for-carol.bin", PLAINTEXT);
		Path encrypted = home.resolve("for-carol.gpg");

		gpg(null, "--trust-model", "always", "--recipient", "carol@example.org", "--output", encrypted.toString(),
				"--encrypt", plaintext.toString()).assertSucceeded();

		byte[] message = Files.readAllBytes(encrypted);
		Packets.Header keyPacket = Packets.header(message, 0, message.length);
		assertThat(keyPacket.tag()).isEqualTo(1);
		int split = (int) keyPacket.packetLength();
		assertThat(decrypt(envelopes, CAROL, new KeyPacket(Arrays.copyOf(message, split)),
				Arrays.copyOfRange(message, split, message.length))).isEqualTo(PLAINTEXT);
	}

	private byte[] gpgDecrypt(KeyPacket packet, byte[] body) throws Exception {
		Path message = home.resolve("message.gpg");
		try (InputStream in = envelopes.encryptedMessage(packet, new ByteArrayInputStream(body))) {
			Files.copy(in, message, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		Path output = home.resolve("message.out");
		Files.deleteIfExists(output);
		gpg(null, "--pinentry-mode", "loopback", "--passphrase-file", home.resolve("alice.pass").toString(), "--output",
				output.toString(), "--decrypt", message.toString())
			.assertSucceeded();
		return Files.readAllBytes(output);
	}

	private Path write(String name, byte[] content) throws IOException {
		return Files.write(home.resolve(name), content);
	}

	private Result gpg(Path input, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--no-tty", "--quiet"));
		command.addAll(List.of(arguments));
		if (input != null) {
			command.add(input.toString());
		}
		return run(command);
	}

	private Result run(List<String> command) throws Exception {
		var builder = new ProcessBuilder(command);
		builder.environment().put("GNUPGHOME", home.toString());
		Path out = Files.createTempFile(home, "out", ".txt");
		Path err = Files.createTempFile(home, "err", ".txt");
		Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("Timed out: " + command);
		}
		return new Result(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	private static boolean onPath(String program) {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
	}

	private static String line(String colons, String prefix) {
		return colons.lines().filter(line -> line.startsWith(prefix)).findFirst().orElseThrow();
	}

	private static String field(String colonLine, int number) {
		return colonLine.split(":", -1)[number - 1];
	}

	record Result(List<String> command, int exitCode, String out, String err) {

		Result assertSucceeded() {
			assertThat(exitCode).as("%s failed:%n%s", command, err).isZero();
			return this;
		}
	}
}

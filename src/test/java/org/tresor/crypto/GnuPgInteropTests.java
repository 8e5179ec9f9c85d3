package org.tresor.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What Tresor stores, GnuPG decrypts with the exported key: the promise of interoperability. */
class GnuPgInteropTests {

	static Path home;

	private final Envelopes envelopes = new Envelopes();

	@BeforeAll
	static void gnupgHome() throws Exception {
		Assumptions.assumeTrue(GnuPg.available(), "gpg is not installed: skipping the GnuPG interop check");
		// short path: gpg-agent's socket path has a length limit
		home = Files.createTempDirectory(Path.of("/tmp"), "gpg");
	}

	@AfterAll
	static void stopAgent() throws Exception {
		if (home != null) {
			GnuPg.run(home, null, "gpgconf", "--kill", "gpg-agent");
			try (var files = Files.walk(home)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

	@Test
	void gnupgDecryptsTheEncryptedDownloadWithTheExportedKey() throws Exception {
		var plaintext = EnvelopesTests.random(1_234_567);
		var body = new ByteArrayOutputStream();
		var encrypting = envelopes.encrypt(List.of(EnvelopesTests.ALICE.publicKey()), "report.pdf", body);
		encrypting.write(plaintext);
		encrypting.close();
		var message = envelopes.encryptedMessage(encrypting.keyPackets().get(0),
				new ByteArrayInputStream(body.toByteArray())).readAllBytes();

		importSecretKey(EnvelopesTests.ALICE, "Alice-Secu-Pass-1");
		assertThat(decrypt(message, "Alice-Secu-Pass-1")).isEqualTo(plaintext);
	}

	@Test
	void gnupgDecryptsWithARewrappedKeyPacket() throws Exception {
		var plaintext = EnvelopesTests.random(77_777);
		var body = new ByteArrayOutputStream();
		var encrypting = envelopes.encrypt(List.of(EnvelopesTests.ALICE.publicKey()), "a.txt", body);
		encrypting.write(plaintext);
		encrypting.close();
		var forBob = envelopes.rewrap(EnvelopesTests.KEYS.unlock(EnvelopesTests.ALICE.secretKey(),
				SecuPass.of("Alice-Secu-Pass-1")), encrypting.keyPackets().get(0), EnvelopesTests.BOB.publicKey());
		var message = envelopes.encryptedMessage(forBob, new ByteArrayInputStream(body.toByteArray())).readAllBytes();

		importSecretKey(EnvelopesTests.BOB, "Bob-Secu-Pass-2!");
		assertThat(decrypt(message, "Bob-Secu-Pass-2!")).isEqualTo(plaintext);
	}

	private void importSecretKey(UserKeyPair key, String pass) throws Exception {
		var armored = EnvelopesTests.KEYS.exportSecretKey(key.secretKey(), SecuPass.of(pass));
		var result = GnuPg.run(home, armored, "gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", pass,
				"--import");
		assertThat(result.exitCode()).as(result.stderr()).isZero();
	}

	private byte[] decrypt(byte[] message, String pass) throws Exception {
		var result = GnuPg.run(home, message, "gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", pass,
				"--decrypt");
		assertThat(result.exitCode()).as(result.stderr()).isZero();
		return result.stdout();
	}

	/** Runs GnuPG tools against a private home directory. */
	static final class GnuPg {

		record Result(int exitCode, byte[] stdout, String stderr) {
		}

		static boolean available() {
			try {
				return new ProcessBuilder("gpg", "--version").start().waitFor() == 0;
			}
			catch (IOException | InterruptedException e) {
				return false;
			}
		}

		static Result run(Path home, byte[] input, String... command) throws Exception {
			var arguments = new ArrayList<>(List.of(command));
			var builder = new ProcessBuilder(arguments);
			builder.environment().put("GNUPGHOME", home.toString());
			var process = builder.start();
			var stdout = new ByteArrayOutputStream();
			var stderr = new ByteArrayOutputStream();
			var reader = new Thread(() -> copy(process.getInputStream(), stdout));
			var errors = new Thread(() -> copy(process.getErrorStream(), stderr));
			reader.start();
			errors.start();
			try (var stdin = process.getOutputStream()) {
				if (input != null) {
					stdin.write(input);
				}
			}
			process.waitFor(60, TimeUnit.SECONDS);
			reader.join();
			errors.join();
			return new Result(process.exitValue(), stdout.toByteArray(), stderr.toString());
		}

		private static void copy(java.io.InputStream in, ByteArrayOutputStream out) {
			try {
				in.transferTo(out);
			}
			catch (IOException e) {
				// the process ended; what was read is all there is
			}
		}
	}
}

package org.tresor.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.tresor.TestTool;

/**
 * GnuPG in a throw-away home under /tmp (the agent's socket path must stay short), for tests that prove
 * what Tresor stores can be opened without Tresor. Passphrases go through files, never the command line.
 */
public final class GnuPg implements AutoCloseable {

	private final Path home;

	private GnuPg(Path home) {
		this.home = home;
	}

	public static boolean available() {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.anyMatch(directory -> Files.isExecutable(Path.of(directory, "gpg")));
	}

	/**
	 * Skips the test where {@code gpg} (and so libgcrypt) is missing, saying so; under {@code CI=true} fails it
	 * instead: CI installs GnuPG, so a missing one is a broken machine, not a reason to test less.
	 */
	public static void assumeAvailable() {
		assumeAvailable(available(), System.getenv());
	}

	static void assumeAvailable(boolean available, Map<String, String> environment) {
		new TestTool("gpg", "gnupg", "GnuPG interoperability and libgcrypt").assumeAvailable(available, environment);
	}

	public static GnuPg temporaryHome() throws IOException {
		return new GnuPg(Files.createTempDirectory(Path.of("/tmp"), "gpg",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
	}

	public Path write(String name, byte[] content) throws IOException {
		return Files.write(home.resolve(name), content);
	}

	public void importSecretKey(byte[] armored, String passphrase) throws Exception {
		gpg(write("secret.asc", armored), "--pinentry-mode", "loopback", "--passphrase-file",
				passphraseFile(passphrase).toString(), "--import").assertSucceeded();
	}

	public byte[] decrypt(byte[] message, String passphrase) throws Exception {
		var input = write("message.gpg", message);
		var output = home.resolve("message.out");
		Files.deleteIfExists(output);
		gpg(null, "--pinentry-mode", "loopback", "--passphrase-file", passphraseFile(passphrase).toString(),
				"--output", output.toString(), "--decrypt", input.toString())
			.assertSucceeded();
		return Files.readAllBytes(output);
	}

	/** Runs gpg in batch mode with {@code arguments}, then {@code input} if given. */
	public Result gpg(Path input, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--no-tty", "--quiet"));
		command.addAll(List.of(arguments));
		if (input != null) {
			command.add(input.toString());
		}
		return run(command);
	}

	private Path passphraseFile(String passphrase) throws IOException {
		return write("passphrase", passphrase.getBytes(StandardCharsets.UTF_8));
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

	@Override
	public void close() throws Exception {
		run(List.of("gpgconf", "--kill", "gpg-agent"));
		try (Stream<Path> files = Files.walk(home)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

	public record Result(List<String> command, int exitCode, String out, String err) {

		public Result assertSucceeded() {
			assertThat(exitCode).as("%s failed:%n%s", command, err).isZero();
			return this;
		}
	}
}

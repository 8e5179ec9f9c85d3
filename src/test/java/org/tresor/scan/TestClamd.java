package org.tresor.scan;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.tresor.TestTool;

/**
 * A real ClamAV daemon for the tests, offline: it knows one signature, written here (the EICAR test file by its
 * MD5 and size, an {@code .hdb} line), since no signature download is possible. Listens on a free loopback
 * port; keeps streams in a temporary directory under /dev/shm, in memory, as production must.
 */
public final class TestClamd implements AutoCloseable {

	/** The EICAR anti-virus test file: harmless, and found by every scanner. */
	public static final byte[] EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
		.getBytes(StandardCharsets.US_ASCII);

	public static final String EICAR_FINDING = "Tresor-Test-EICAR.UNOFFICIAL";

	private final Path directory;

	private final Path streams;

	private final int port;

	private final Path executable;

	private Process process;

	private TestClamd(Path directory, Path streams, int port, Path executable) {
		this.executable = executable;
		this.directory = directory;
		this.streams = streams;
		this.port = port;
	}

	/** Started and answering PING; skips the test where clamd is missing (fails it under CI=true). */
	public static TestClamd start(String streamMaxLength) throws Exception {
		var executable = executable();
		assumeAvailable(executable.isPresent(), System.getenv());
		var directory = Files.createTempDirectory("clamd");
		var streams = Files.createTempDirectory(Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm")
				: directory, "clamd-streams");
		Files.createDirectories(directory.resolve("db"));
		var md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(EICAR));
		Files.writeString(directory.resolve("db/tresor-test.hdb"),
				md5 + ":" + EICAR.length + ":" + EICAR_FINDING.replace(".UNOFFICIAL", "") + "\n");
		int port;
		try (var socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Files.writeString(directory.resolve("clamd.conf"), String.join("\n", "Foreground yes", "TCPSocket " + port,
				"TCPAddr 127.0.0.1", "LocalSocket " + directory.resolve("clamd.sock"), "DatabaseDirectory " + directory.resolve("db"), "TemporaryDirectory " + streams,
				"StreamMaxLength " + streamMaxLength, "LogFile " + directory.resolve("clamd.log"), "LogVerbose no",
				"SelfCheck 0", ""));
		var clamd = new TestClamd(directory, streams, port, executable.get());
		clamd.restart();
		return clamd;
	}

	/** Starts the daemon again after {@link #kill()}, on the same port, and waits for its PONG. */
	public void restart() throws Exception {
		process = new ProcessBuilder(executable.toString(), "-c", directory.resolve("clamd.conf").toString())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("clamd.out").toFile())
			.start();
		awaitPong();
	}

	public int port() {
		return port;
	}

	/** Its {@code LocalSocket}, beside the TCP port. */
	public Path socket() {
		return directory.resolve("clamd.sock");
	}

	/** The engine's version, as clamd names it ({@code 1.4.6}), asked without Tresor. */
	public String engine() throws IOException {
		try (var socket = new Socket("127.0.0.1", port)) {
			socket.getOutputStream().write("zVERSION\0".getBytes(StandardCharsets.US_ASCII));
			var reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
			return reply.replace("\0", "").replaceFirst("^ClamAV ", "").replaceFirst("/.*", "");
		}
	}

	/** Stops the daemon at once (SIGKILL), as a crash would. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	/**
	 * Freezes the daemon (SIGSTOP): connections are still accepted by the system, nothing is read or answered, as
	 * with a clamd stuck on a huge archive. {@link #thaw()} lets it go on.
	 */
	public void freeze() throws Exception {
		signal("STOP");
	}

	public void thaw() throws Exception {
		signal("CONT");
	}

	private void signal(String name) throws Exception {
		var kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
		if (kill.waitFor() != 0) {
			throw new IllegalStateException("kill -" + name + " failed");
		}
	}

	@Override
	public void close() throws Exception {
		kill();
		for (var tree : new Path[] { streams, directory }) {
			try (var paths = Files.walk(tree)) {
				paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

	private void awaitPong() throws Exception {
		var deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("clamd stopped: " + Files.readString(directory.resolve("clamd.out")));
			}
			try (var socket = new Socket("127.0.0.1", port)) {
				socket.getOutputStream().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
				if (new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).startsWith("PONG")) {
					return;
				}
			}
			catch (IOException notYet) {
				Thread.sleep(100);
			}
		}
		throw new IllegalStateException("clamd did not answer PING within a minute");
	}

	private static Optional<Path> executable() {
		return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)),
				Stream.of("/usr/sbin"))
			.filter(directory -> !directory.isEmpty())
			.map(directory -> Path.of(directory, "clamd"))
			.filter(Files::isExecutable)
			.findFirst();
	}

	/** Skips the test where clamd is missing, saying so; under {@code CI=true} fails it instead. */
	public static void assumeAvailable() {
		assumeAvailable(executable().isPresent(), System.getenv());
	}

	static void assumeAvailable(boolean available, Map<String, String> environment) {
		new TestTool("clamd", "clamav-daemon", "malware scanning").assumeAvailable(available, environment);
	}
}

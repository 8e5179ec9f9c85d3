package org.tresor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.util.FileSystemUtils;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for the tests: S3Proxy on a filesystem backend, run as a child process from its
 * self-contained jar (the build copies it to {@code target/s3proxy}), one for the JVM's lifetime.
 */
public final class S3Server {

	public static final String ACCESS_KEY = "tresor-test";

	public static final String SECRET_KEY = "tresor-test-secret";

	private static final S3Server SHARED = new S3Server();

	private final int port = freePort();

	private final Process process;

	private final Path data;

	private S3Server() {
		try {
			var base = Files.createTempDirectory("tresor-s3-");
			data = Files.createDirectories(base.resolve("data"));
			var settings = Files.writeString(base.resolve("s3proxy.conf"), String.join("\n",
					"s3proxy.endpoint=http://127.0.0.1:" + port, "s3proxy.authorization=aws-v2-or-v4",
					"s3proxy.identity=" + ACCESS_KEY, "s3proxy.credential=" + SECRET_KEY,
					"jclouds.provider=filesystem", "jclouds.filesystem.basedir=" + data, ""));
			var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			process = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", jar().toString(), "--properties",
					settings.toString()))
				.redirectErrorStream(true)
				.redirectOutput(base.resolve("s3proxy.log").toFile())
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				process.destroy();
				try {
					process.waitFor();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				FileSystemUtils.deleteRecursively(base.toFile());
			}));
			awaitListening(base.resolve("s3proxy.log"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static S3Server shared() {
		return SHARED;
	}

	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + port);
	}

	/**
	 * Where the filesystem backend keeps a bucket's objects and the parts of its multipart uploads, so a test
	 * can age them (the backend reports a file's modification time as a part's "LastModified").
	 */
	public Path bucketDirectory(String bucket) {
		return data.resolve(bucket);
	}

	/** A client of its own, the way an administrator's tool would look at the bucket. */
	public S3Client client() {
		return S3Client.builder()
			.httpClient(UrlConnectionHttpClient.create())
			.endpointOverride(endpoint())
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.build();
	}

	/** Creates a new, empty bucket and returns its name. */
	public String newBucket() {
		var name = "tresor-" + Long.toHexString(System.nanoTime());
		try (var s3 = client()) {
			s3.createBucket(request -> request.bucket(name));
		}
		return name;
	}

	private static Path jar() {
		var jar = Path.of("target", "s3proxy", "s3proxy.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No S3Proxy jar at " + jar.toAbsolutePath()
					+ ": run the tests through Maven (generate-test-resources copies it)");
		}
		return jar;
	}

	private void awaitListening(Path log) throws IOException {
		var deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("S3Proxy ended: " + Files.readString(log));
			}
			try (var socket = new Socket("127.0.0.1", port)) {
				return;
			}
			catch (IOException notYet) {
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(e);
				}
			}
		}
		throw new IllegalStateException("S3Proxy did not start: " + Files.readString(log));
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

package org.tresor.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** {@link ClamdScanner} against a real clamd (and, for what clamd will not do on cue, a silent socket). */
class ClamdScannerTests {

	static TestClamd clamd;

	@BeforeAll
	static void startClamd() throws Exception {
		clamd = TestClamd.start("1M");
	}

	@AfterAll
	static void stopClamd() throws Exception {
		if (clamd != null) {
			clamd.close();
		}
	}

	static ClamdScanner scanner(int port, Duration timeout, DataSize maxFileSize) {
		var settings = new ScanProperties.Clamd("127.0.0.1", port, null, timeout, maxFileSize, Duration.ofDays(3));
		return new ClamdScanner(settings, false, ScanConfiguration.clamdWatchdog(), new SimpleMeterRegistry());
	}

	static ScanVerdict scan(ClamdScanner scanner, byte[] file, int chunk) {
		try (var scan = scanner.start()) {
			for (int offset = 0; offset < file.length; offset += chunk) {
				scan.accept(file, offset, Math.min(chunk, file.length - offset));
			}
			return scan.verdict();
		}
	}

	@Nested
	class WithClamdRunning {

		final ClamdScanner scanner = scanner(clamd.port(), Duration.ofSeconds(30), DataSize.ofMegabytes(1));

		@Test
		void findsTheTestVirusFedInSmallChunks() {
			assertThat(scan(scanner, TestClamd.EICAR, 7)).isEqualTo(new ScanVerdict.Infected(TestClamd.EICAR_FINDING));
		}

		@Test
		void findsTheTestVirusInsideAZip() throws IOException {
			var zip = new ByteArrayOutputStream();
			try (var out = new ZipOutputStream(zip)) {
				out.putNextEntry(new ZipEntry("harmless-looking.txt"));
				out.write(TestClamd.EICAR);
				out.closeEntry();
			}

			assertThat(scan(scanner, zip.toByteArray(), 65536)).isInstanceOf(ScanVerdict.Infected.class);
		}

		@Test
		void passesACleanFile() {
			var file = new byte[300_000];
			new Random(1).nextBytes(file);

			assertThat(scan(scanner, file, 65536)).isEqualTo(new ScanVerdict.Clean());
		}

		@Test
		void passesAnEmptyFile() {
			assertThat(scan(scanner, new byte[0], 1)).isEqualTo(new ScanVerdict.Clean());
		}

		@Test
		void aFileOverTheMaximumIsNotScannedWithoutAskingClamd() {
			var small = scanner(clamd.port(), Duration.ofSeconds(30), DataSize.ofKilobytes(64));

			assertThat(scan(small, new byte[65 * 1024], 4096))
				.isEqualTo(new ScanVerdict.Failed(ScanVerdict.Failure.TOO_LARGE));
		}

		@Test
		void clamdsOwnLimitCountsAsTooLarge() {
			// clamd takes 1 MiB; the setting wrongly says 10 MB
			var misconfigured = scanner(clamd.port(), Duration.ofSeconds(30), DataSize.ofMegabytes(10));

			assertThat(scan(misconfigured, new byte[3 << 20], 65536))
				.isEqualTo(new ScanVerdict.Failed(ScanVerdict.Failure.TOO_LARGE));
		}

		@Test
		void reachesClamdThroughItsUnixSocket() {
			var settings = new ScanProperties.Clamd("unused", 1, clamd.socket(), Duration.ofSeconds(30),
					DataSize.ofMegabytes(1), Duration.ofDays(3));
			var local = new ClamdScanner(settings, false, ScanConfiguration.clamdWatchdog(), new SimpleMeterRegistry());

			assertThat(scan(local, TestClamd.EICAR, 16)).isEqualTo(new ScanVerdict.Infected(TestClamd.EICAR_FINDING));
		}

		@Test
		void answersPingAndVersion() throws IOException {
			assertThat(scanner.command("PING")).isEqualTo("PONG");
			assertThat(scanner.command("VERSION")).startsWith("ClamAV ");
		}
	}

	@Test
	void aClamdThatIsNotRunningLeavesTheFileUnscanned() throws IOException {
		int closedPort;
		try (var socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}

		assertThat(scan(scanner(closedPort, Duration.ofSeconds(5), DataSize.ofMegabytes(1)), TestClamd.EICAR, 16))
			.isEqualTo(new ScanVerdict.Failed(ScanVerdict.Failure.UNAVAILABLE));
	}

	@Test
	void aScanWhoseClamdIsNotRunningKnowsItFailedBeforeTheLastByte() throws IOException {
		int closedPort;
		try (var socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}

		try (var scan = scanner(closedPort, Duration.ofSeconds(5), DataSize.ofMegabytes(10)).start()) {
			var chunk = new byte[65536];
			for (int i = 0; i < 16 && !scan.failed(); i++) {
				scan.accept(chunk, 0, chunk.length);
			}

			assertThat(scan.failed()).isTrue();
		}
	}

	@Test
	void aClamdKilledMidStreamLeavesTheFileUnscanned() throws Exception {
		try (var dying = TestClamd.start("10M")) {
			var scanner = scanner(dying.port(), Duration.ofSeconds(5), DataSize.ofMegabytes(10));
			try (var scan = scanner.start()) {
				scan.accept(new byte[65536], 0, 65536);
				dying.kill();
				var rest = new byte[65536];
				for (int i = 0; i < 64; i++) {
					scan.accept(rest, 0, rest.length);
				}

				assertThat(scan.verdict()).isEqualTo(new ScanVerdict.Failed(ScanVerdict.Failure.UNAVAILABLE));
			}
		}
	}

	@Test
	void aScannerThatNeverAnswersTimesOut() throws IOException {
		try (var silent = new ServerSocket(0)) {
			var scanner = scanner(silent.getLocalPort(), Duration.ofMillis(300), DataSize.ofMegabytes(100));

			// accepted by the kernel's backlog, never read: the writes stall once the buffers are full
			assertThat(scan(scanner, new byte[16 << 20], 65536))
				.isEqualTo(new ScanVerdict.Failed(ScanVerdict.Failure.TIMEOUT));
		}
	}

	@Test
	void aScannerThatTakesTheBytesButNeverAnswersTimesOut() throws IOException {
		try (var silent = new ServerSocket(0)) {
			var scanner = scanner(silent.getLocalPort(), Duration.ofMillis(300), DataSize.ofMegabytes(100));

			assertThat(scan(scanner, TestClamd.EICAR, 16)).isEqualTo(new ScanVerdict.Failed(ScanVerdict.Failure.TIMEOUT));
		}
	}

	@Test
	void readsClamdsAnswers() {
		assertThat(ClamdScanner.parse("stream: OK")).isEqualTo(new ScanVerdict.Clean());
		assertThat(ClamdScanner.parse("stream: Win.Test.EICAR_HDB-1 FOUND"))
			.isEqualTo(new ScanVerdict.Infected("Win.Test.EICAR_HDB-1"));
	}
}

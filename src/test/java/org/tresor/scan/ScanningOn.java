package org.tresor.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scanning on, against one clamd shared by every context that names this initializer (so they share one
 * context too): test classes say {@link ScannedByClamd}, which also asks for clamd first. Files over 2 MB are more
 * than this clamd takes.
 */
public final class ScanningOn implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String MAX_FILE_SIZE = "2MB";

	private static TestClamd clamd;

	/** The daemon behind every scanning context, started with the first. */
	public static synchronized TestClamd clamd() {
		if (clamd == null) {
			try {
				clamd = TestClamd.start(MAX_FILE_SIZE.replace("MB", "M"));
			}
			catch (Exception e) {
				throw new IllegalStateException("clamd did not start", e);
			}
			var started = clamd;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					started.close();
				}
				catch (Exception e) {
					// the JVM is going away; the temporary directories with it
				}
			}));
		}
		return clamd;
	}

	/** Each context its own database and blobs: it makes its own first administrator. */
	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Path data;
		try {
			data = Files.createTempDirectory("tresor-scanning-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		TestPropertyValues.of("spring.datasource.url=jdbc:h2:file:" + data + "/db/tresor;DB_CLOSE_ON_EXIT=FALSE",
				"tresor.storage.directory=" + data.resolve("blobs"), "tresor.scan.mode=clamd",
				"tresor.scan.clamd.host=127.0.0.1",
				"tresor.scan.clamd.port=" + clamd().port(), "tresor.scan.clamd.timeout=10s",
				"tresor.scan.clamd.max-file-size=" + MAX_FILE_SIZE)
			.applyTo(context);
	}
}

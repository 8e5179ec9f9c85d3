package org.tresor.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pipeline writes exactly what the cipher alone would, however the plaintext arrives. */
class PipelinedOutputStreamTests {

	private static final int CHUNK = 4096;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Random random = new Random(11);

	private final byte[] key = new byte[32];

	@AfterEach
	void stopThreads() {
		executor.shutdownNow();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 15, 16, 17, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 7 * CHUNK + 13, 200_000 })
	void writesWhatTheCipherAloneWrites(int size) throws Exception {
		random.nextBytes(key);
		byte[] plaintext = bytes(size);
		var out = new ByteArrayOutputStream();

		try (var pipelined = new PipelinedOutputStream(out, PipelinedOutputStream.encryption(cfb()), executor, CHUNK, 3)) {
			for (int offset = 0; offset < size;) {
				int n = Math.min(size - offset, random.nextInt(3 * CHUNK));
				pipelined.write(plaintext, offset, n);
				offset += n;
			}
		}

		assertThat(out.toByteArray()).isEqualTo(size == 0 ? new byte[0] : cfb().doFinal(plaintext));
	}

	@ParameterizedTest
	@ValueSource(ints = { 2 * CHUNK + 5, 9 * CHUNK, 40 * CHUNK + 1 })
	void writesEverythingWhetherOrNotABatchOfChunksFilledUp(int size) throws Exception {
		byte[] plaintext = bytes(size);
		var out = new ByteArrayOutputStream();

		try (var pipelined = new PipelinedOutputStream(out, PipelinedOutputStream.encryption(cfb()), executor, CHUNK, 8)) {
			pipelined.write(plaintext, 0, plaintext.length);
		}

		assertThat(out.toByteArray()).isEqualTo(cfb().doFinal(plaintext));
	}

	@Test
	void writesTheSameWhenEncryptingOnTheCallersThread() throws Exception {
		byte[] plaintext = bytes(50_001);
		var out = new ByteArrayOutputStream();

		try (var pipelined = new PipelinedOutputStream(out, PipelinedOutputStream.encryption(cfb()), Runnable::run, CHUNK, 3)) {
			for (byte b : Arrays.copyOf(plaintext, 100)) {
				pipelined.write(b);
			}
			pipelined.write(plaintext, 100, plaintext.length - 100);
		}

		assertThat(out.toByteArray()).isEqualTo(cfb().doFinal(plaintext));
	}

	@Test
	void closesTheUnderlyingStreamOnce() throws Exception {
		int[] closed = { 0 };
		var out = new OutputStream() {
			@Override
			public void write(int b) {
			}

			@Override
			public void close() {
				closed[0]++;
			}
		};
		var pipelined = new PipelinedOutputStream(out, PipelinedOutputStream.encryption(cfb()), executor, CHUNK, 3);

		pipelined.close();
		pipelined.close();

		assertThat(closed[0]).isEqualTo(1);
	}

	@Test
	void refusesWritesAfterClosing() throws Exception {
		var pipelined = new PipelinedOutputStream(OutputStream.nullOutputStream(), PipelinedOutputStream.encryption(cfb()), executor, CHUNK, 3);
		pipelined.close();

		assertThatIOException().isThrownBy(() -> pipelined.write(new byte[10], 0, 10));
	}

	@Test
	void passesOnAFailureOfTheStreamBelow() throws Exception {
		var pipelined = new PipelinedOutputStream(diskFull(), PipelinedOutputStream.encryption(cfb()), executor, CHUNK, 3);

		assertThatIOException().isThrownBy(() -> pipelined.write(new byte[3 * CHUNK], 0, 3 * CHUNK))
			.withMessage("disk full");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, CHUNK - 1, CHUNK, 3 * CHUNK + 17, 40 * CHUNK })
	void hashesWhatWasWrittenUntilTheDigestIsAskedFor(int size) throws Exception {
		byte[] hashed = bytes(size);
		byte[] trailer = bytes(20);
		var out = new ByteArrayOutputStream();
		byte[] digest;

		try (var pipelined = new PipelinedOutputStream(out, PipelinedOutputStream.encryption(cfb()), sha1(), executor,
				CHUNK, 8)) {
			pipelined.write(hashed, 0, hashed.length);
			digest = pipelined.finishDigest();
			pipelined.write(trailer, 0, trailer.length);
		}

		assertThat(digest).isEqualTo(sha1().digest(hashed));
		byte[] everything = Arrays.copyOf(hashed, size + 20);
		System.arraycopy(trailer, 0, everything, size, 20);
		assertThat(out.toByteArray()).isEqualTo(cfb().doFinal(everything));
	}

	@Test
	void finishesTheDigestWithFewerChunksWaitingThanStartTheTask() throws Exception {
		byte[] hashed = bytes(CHUNK + 1);

		try (var pipelined = new PipelinedOutputStream(OutputStream.nullOutputStream(),
				PipelinedOutputStream.encryption(cfb()), sha1(), executor, CHUNK, 8)) {
			pipelined.write(hashed, 0, hashed.length);

			assertThat(pipelined.finishDigest()).isEqualTo(sha1().digest(hashed));
		}
	}

	@Test
	void closesTheStageOnlyAfterEveryChunkSentToItCameBack() throws Exception {
		var processing = new AtomicInteger();
		var closedWhileProcessing = new AtomicBoolean();
		var closes = new AtomicInteger();
		var slow = new PipelinedOutputStream.Stage() {
			@Override
			public int process(byte[] input, int length, byte[] output, boolean last) {
				processing.incrementAndGet();
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				processing.decrementAndGet();
				return length;
			}

			@Override
			public void close() {
				closedWhileProcessing.compareAndSet(false, processing.get() > 0);
				closes.incrementAndGet();
			}
		};
		var pipelined = new PipelinedOutputStream(diskFull(), slow, executor, CHUNK, 6);

		assertThatIOException().isThrownBy(() -> pipelined.write(new byte[10 * CHUNK], 0, 10 * CHUNK));
		pipelined.close();
		pipelined.close();

		assertThat(closes).hasValue(1);
		assertThat(closedWhileProcessing).isFalse();
	}

	@Test
	void closesAfterAFailureEvenWithFewerChunksWaitingThanStartTheTask() throws Exception {
		var held = new ArrayList<Runnable>();
		var runAtOnce = new AtomicBoolean();
		Executor heldUntilReleased = task -> {
			if (runAtOnce.get()) {
				task.run();
			}
			else {
				held.add(task);
			}
		};
		var closes = new AtomicInteger();
		PipelinedOutputStream.Stage copy = new PipelinedOutputStream.Stage() {
			@Override
			public int process(byte[] input, int length, byte[] output, boolean last) {
				System.arraycopy(input, 0, output, 0, length);
				return length;
			}

			@Override
			public void close() {
				closes.incrementAndGet();
			}
		};
		var pipelined = new PipelinedOutputStream(diskFull(), copy, heldUntilReleased, CHUNK, 4);
		pipelined.write(new byte[2 * CHUNK], 0, 2 * CHUNK);
		held.remove(0).run();
		runAtOnce.set(true);
		// the third chunk waits alone, below the batch that starts the task, when writing the first one fails
		assertThatIOException().isThrownBy(() -> pipelined.write(new byte[CHUNK], 0, CHUNK));

		assertTimeoutPreemptively(Duration.ofSeconds(30), pipelined::close, "close() waited for a task never started");
		assertThat(closes).hasValue(1);
	}

	@Test
	void refusesChunksOfPartialBlocks() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PipelinedOutputStream(OutputStream.nullOutputStream(), PipelinedOutputStream.encryption(cfb()), executor, 1000, 3));
	}

	/** A stream below that fails every write, as a full disk does. */
	private static OutputStream diskFull() {
		return new OutputStream() {
			@Override
			public void write(int b) throws IOException {
				throw new IOException("disk full");
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				throw new IOException("disk full");
			}
		};
	}

	private Cipher cfb() throws GeneralSecurityException {
		var cipher = Cipher.getInstance("AES/CFB/NoPadding", "SunJCE");
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
		return cipher;
	}

	private static MessageDigest sha1() throws GeneralSecurityException {
		return MessageDigest.getInstance("SHA-1");
	}

	private byte[] bytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}
}

package org.tresor.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tresor.crypto.IntegrityException;

/** The caller reads exactly what the stream below holds, in order, while another thread reads it ahead. */
class ReadAheadInputStreamTests {

	private static final int CHUNK = 1024;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Random random = new Random(5);

	@AfterEach
	void stopThreads() {
		executor.shutdownNow();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 4 * CHUNK, 37 * CHUNK + 13 })
	void readsWhatTheStreamBelowHoldsWhateverTheReadSizes(int size) throws Exception {
		byte[] bytes = bytes(size);

		try (var in = new ReadAheadInputStream(new ByteArrayInputStream(bytes), executor, CHUNK, 4)) {
			assertThat(readInPieces(in)).isEqualTo(bytes);
			assertThat(in.read()).isEqualTo(-1);
		}
	}

	@Test
	void readsTheSameOnTheCallersThread() throws Exception {
		byte[] bytes = bytes(10 * CHUNK + 5);

		try (var in = new ReadAheadInputStream(new ByteArrayInputStream(bytes), Runnable::run, CHUNK, 3)) {
			assertThat(readInPieces(in)).isEqualTo(bytes);
		}
	}

	@Test
	void readsNoFurtherAheadThanItsChunks() throws Exception {
		var source = new CountingInputStream(new ByteArrayInputStream(bytes(100 * CHUNK)));

		try (var in = new ReadAheadInputStream(source, Runnable::run, CHUNK, 4)) {
			in.read();

			assertThat(source.read.get()).isEqualTo(4 * CHUNK);
		}
	}

	@Test
	void passesOnTheSameFailureOfTheStreamBelowOnEveryRead() throws Exception {
		var failure = new IntegrityException("tampered");
		var source = new FilterInputStream(new ByteArrayInputStream(bytes(3 * CHUNK))) {
			@Override
			public int read(byte[] bytes, int offset, int length) throws IOException {
				int n = super.read(bytes, offset, length);
				if (n < 0) {
					throw failure;
				}
				return n;
			}
		};

		try (var in = new ReadAheadInputStream(source, executor, CHUNK, 2)) {
			assertThat(catchThrowable(() -> readInPieces(in))).isSameAs(failure);
			assertThat(catchThrowable(in::read)).isSameAs(failure);
		}
	}

	@Test
	void turnsAnUncheckedFailureIntoAnIOException() throws Exception {
		var source = new InputStream() {
			@Override
			public int read() {
				throw new IllegalStateException("broken");
			}
		};

		try (var in = new ReadAheadInputStream(source, executor, CHUNK, 2)) {
			assertThatIOException().isThrownBy(in::read).withCauseInstanceOf(IllegalStateException.class);
		}
	}

	@Test
	void closesTheStreamBelowOnlyAfterTheChunkBeingReadIsDone() throws Exception {
		var reading = new CountDownLatch(1);
		var release = new CountDownLatch(1);
		var readWhenClosed = new AtomicBoolean(true);
		var stillReading = new AtomicBoolean();
		var source = new InputStream() {
			private boolean first = true;

			@Override
			public int read() {
				return 0;
			}

			@Override
			public int read(byte[] bytes, int offset, int length) throws IOException {
				if (first) {
					first = false;
					return length;
				}
				stillReading.set(true);
				reading.countDown();
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					throw new IOException(ex);
				}
				stillReading.set(false);
				return length;
			}

			@Override
			public void close() {
				readWhenClosed.set(stillReading.get());
			}
		};
		var in = new ReadAheadInputStream(source, executor, CHUNK, 2);
		in.read();
		reading.await();

		var closing = executor.submit(() -> {
			in.close();
			return null;
		});
		Thread.sleep(100);
		assertThat(closing).isNotDone();
		release.countDown();
		closing.get();

		assertThat(readWhenClosed).isFalse();
	}

	@Test
	void refusesReadsAfterClosing() throws Exception {
		var in = new ReadAheadInputStream(new ByteArrayInputStream(bytes(10)), executor, CHUNK, 2);
		in.close();
		in.close();

		assertThatIOException().isThrownBy(in::read);
	}

	@Test
	void needsTwoChunks() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReadAheadInputStream(InputStream.nullInputStream(), executor, CHUNK, 1));
	}

	private byte[] readInPieces(InputStream in) throws IOException {
		var out = new ByteArrayOutputStream();
		byte[] buffer = new byte[3 * CHUNK];
		while (true) {
			if (random.nextInt(10) == 0) {
				int b = in.read();
				if (b < 0) {
					break;
				}
				out.write(b);
				continue;
			}
			int n = in.read(buffer, 0, 1 + random.nextInt(buffer.length));
			if (n < 0) {
				break;
			}
			out.write(buffer, 0, n);
		}
		return out.toByteArray();
	}

	private byte[] bytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	private static final class CountingInputStream extends FilterInputStream {

		final AtomicLong read = new AtomicLong();

		CountingInputStream(InputStream in) {
			super(in);
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			int n = super.read(bytes, offset, length);
			read.addAndGet(Math.max(n, 0));
			return n;
		}
	}
}

package org.tresor.crypto.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads {@code in} ahead, on another thread, into a few chunks that the caller then reads. A download's
 * decryption and MDC hashing (in {@link CfbDecryptingStream}) thus run next to the thread that parses the
 * packets and writes the response, as an upload's encryption runs next to its writer
 * ({@link PipelinedOutputStream}). The task runs while chunks are free and ends when none are, so a stream
 * abandoned half-way leaves no thread behind; it is started again once half of the chunks are free. Only the
 * task reads {@code in} until it has ended; {@link #close()} waits for it before closing {@code in}.
 */
final class ReadAheadInputStream extends InputStream {

	private final InputStream in;

	private final Executor executor;

	private final Queue<Chunk> free = new ConcurrentLinkedQueue<>();

	private final BlockingQueue<Chunk> filled = new LinkedBlockingQueue<>();

	private final AtomicBoolean reading = new AtomicBoolean();

	private final Object idle = new Object();

	/** Free chunks that restart an idle task: waking a thread costs tens of microseconds. */
	private final int batch;

	/** Set by the task when {@code in} ended or failed: nothing more to read ahead. */
	private volatile boolean exhausted;

	private volatile boolean closed;

	private Chunk current;

	private IOException failure;

	private int position;

	/** {@code chunks} buffers of {@code chunkSize} bytes are all the memory this stream takes. */
	ReadAheadInputStream(InputStream in, Executor executor, int chunkSize, int chunks) {
		if (chunks < 2) {
			throw new IllegalArgumentException("Reading ahead needs at least two chunks: " + chunks);
		}
		this.in = in;
		this.executor = executor;
		for (int i = 0; i < chunks; i++) {
			free.add(new Chunk(chunkSize));
		}
		this.batch = chunks / 2;
	}

	@Override
	public int read() throws IOException {
		return readable() ? current.data[position++] & 0xFF : -1;
	}

	@Override
	public int read(byte[] bytes, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		if (!readable()) {
			return -1;
		}
		int n = Math.min(length, current.length - position);
		System.arraycopy(current.data, position, bytes, offset, n);
		position += n;
		return n;
	}

	@Override
	public int available() {
		return current == null ? 0 : current.length - position;
	}

	/** Stops reading ahead, waits for a chunk being read to be done, and closes {@code in}. */
	@Override
	public void close() throws IOException {
		if (closed) {
			return;
		}
		closed = true;
		boolean interrupted = false;
		synchronized (idle) {
			while (reading.get()) {
				try {
					idle.wait();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
		}
		try {
			in.close();
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Whether a byte is there to read, after waiting for the next chunk if need be; false at the end. */
	private boolean readable() throws IOException {
		if (closed) {
			throw new IOException("Stream closed");
		}
		while (current == null || position == current.length) {
			if (failure != null) {
				throw failure;
			}
			if (current != null && current.last) {
				return false;
			}
			next();
		}
		return true;
	}

	/** Hands the chunk read back to the task and takes the next one, waiting for it if need be. */
	private void next() throws IOException {
		if (current != null) {
			free.add(current);
			current = null;
			if (free.size() >= batch) {
				startReading();
			}
		}
		Chunk chunk = filled.poll();
		if (chunk == null) {
			startReading();
			try {
				chunk = filled.take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("Interrupted while waiting for data read ahead");
			}
		}
		if (chunk.failure != null) {
			// the same exception, every time: callers tell an integrity failure from a lost connection by its type
			failure = chunk.failure;
			throw failure;
		}
		current = chunk;
		position = 0;
	}

	private void startReading() {
		if (!exhausted && !closed && reading.compareAndSet(false, true)) {
			executor.execute(this::readAhead);
		}
	}

	/** The task: fills free chunks in order until none is free, {@code in} ends or the stream is closed. */
	private void readAhead() {
		try {
			while (!closed && !exhausted) {
				Chunk chunk = free.poll();
				if (chunk == null) {
					reading.set(false);
					// a chunk freed after the poll but before the reset found the task still running: take it on
					if (free.isEmpty() || !reading.compareAndSet(false, true)) {
						return;
					}
					continue;
				}
				fill(chunk);
				filled.add(chunk);
			}
			reading.set(false);
		}
		finally {
			synchronized (idle) {
				idle.notifyAll();
			}
		}
	}

	private void fill(Chunk chunk) {
		try {
			chunk.length = in.readNBytes(chunk.data, 0, chunk.data.length);
			chunk.last = chunk.length < chunk.data.length;
		}
		catch (IOException ex) {
			chunk.failure = ex;
		}
		catch (RuntimeException ex) {
			chunk.failure = new IOException("Reading ahead failed", ex);
		}
		if (chunk.last || chunk.failure != null) {
			exhausted = true;
		}
	}

	private static final class Chunk {

		final byte[] data;

		int length;

		boolean last;

		IOException failure;

		Chunk(int size) {
			this.data = new byte[size];
		}
	}
}

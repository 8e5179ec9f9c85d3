package org.tresor.crypto.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Cipher;

/**
 * Runs a {@link Stage} (encryption), and optionally a digest, over what is written, on another thread while
 * the caller goes on. CFB encryption cannot be split (each block needs the previous ciphertext); with the
 * MDC's SHA-1 it costs about as much as everything else an upload does (reading and parsing the request,
 * copying, writing the file) together. So the caller fills chunks, a task runs the stage over them in order,
 * and the caller writes each chunk's result to {@code out} as it comes back. Only the caller ever writes to {@code out}. The task runs while chunks
 * are waiting and ends when there are none, so a stream abandoned half-way leaves no thread behind; while
 * the caller keeps it busy, chunks pass without any thread having to be woken. With {@code Runnable::run}
 * as executor, the stage runs on the caller's thread.
 */
final class PipelinedOutputStream extends OutputStream {

	/**
	 * Work on one chunk, from {@code input} into {@code output} (as large as {@code input}), leaving
	 * {@code input} as it was (the digest reads it afterwards); returns how many bytes of {@code output} go to
	 * {@code out}.
	 */
	@FunctionalInterface
	interface Stage extends AutoCloseable {

		int process(byte[] input, int length, byte[] output, boolean last) throws GeneralSecurityException;

		/** Called when no chunk is being processed any more and none will be. */
		@Override
		default void close() {
		}
	}

	/**
	 * Encryption with {@code cipher}, a stream cipher mode: ciphertext out, as long as the plaintext. Not in
	 * place: given the same array for input and output, the JDK copies the input into a new array first, which
	 * for a 1 GiB upload was a gigabyte of garbage and most of the young collections.
	 */
	static Stage encryption(Cipher cipher) {
		return (input, length, output, last) -> {
			// the JDK holds back a partial last block until doFinal
			int n = last ? cipher.doFinal(input, 0, length, output, 0) : cipher.update(input, 0, length, output, 0);
			if (n != length) {
				throw new IllegalStateException("A stream cipher mode returned " + n + " of " + length + " bytes");
			}
			return n;
		};
	}

	private final OutputStream out;

	private final Stage stage;

	private final Executor executor;

	/** Hashes the input on the task's thread after the stage has read it, until {@link #finishDigest()}; or null. */
	private final MessageDigest inputDigest;

	private boolean digestFinished;

	private final Queue<Chunk> free = new ArrayDeque<>();

	private final Queue<Chunk> toProcess = new ConcurrentLinkedQueue<>();

	private final BlockingQueue<Chunk> processed = new LinkedBlockingQueue<>();

	private final AtomicBoolean processing = new AtomicBoolean();

	private final AtomicInteger waiting = new AtomicInteger();

	/** Chunks that must be waiting before an idle task is started: waking a thread costs tens of microseconds. */
	private final int batch;

	private Chunk filling;

	private int inFlight;

	private boolean closed;

	/** After a failure nothing more is written, not even on close. */
	private boolean failed;

	/**
	 * {@code chunks} pairs of buffers (input and output) of {@code chunkSize} bytes each (a multiple of the
	 * cipher's block size) are all the memory this stream takes.
	 */
	PipelinedOutputStream(OutputStream out, Stage stage, Executor executor, int chunkSize, int chunks) {
		this(out, stage, null, executor, chunkSize, chunks);
	}

	/**
	 * Also hashes what is written with {@code inputDigest}, on the task's thread, until {@link #finishDigest()}:
	 * an OpenPGP MDC covers the plaintext up to the MDC packet's header, and hashing it next to the cipher
	 * keeps the writer's thread free for the upload.
	 */
	PipelinedOutputStream(OutputStream out, Stage stage, MessageDigest inputDigest, Executor executor, int chunkSize,
			int chunks) {
		if (chunkSize <= 0 || chunkSize % 16 != 0) {
			throw new IllegalArgumentException("A chunk must be whole cipher blocks: " + chunkSize);
		}
		if (chunks < 2) {
			throw new IllegalArgumentException("A pipeline needs at least two chunks: " + chunks);
		}
		this.out = out;
		this.stage = stage;
		this.executor = executor;
		this.inputDigest = inputDigest;
		for (int i = 0; i < chunks; i++) {
			free.add(new Chunk(chunkSize));
		}
		this.batch = chunks / 2;
		this.filling = free.poll();
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		if (closed || failed) {
			throw new IOException(closed ? "Stream closed" : "Stream failed before");
		}
		while (length > 0) {
			int n = Math.min(length, filling.data.length - filling.length);
			System.arraycopy(bytes, offset, filling.data, filling.length, n);
			filling.length += n;
			offset += n;
			length -= n;
			if (filling.length == filling.data.length) {
				send(filling);
				filling = nextFree();
			}
		}
	}

	/** Deliberately does not cut a chunk short: whole chunks keep the pipeline busy; close() writes the rest. */
	@Override
	public void flush() {
	}

	/** Processes what is left (the last, partial chunk), writes everything and closes {@code out}. */
	@Override
	public void close() throws IOException {
		if (closed) {
			return;
		}
		closed = true;
		try (out) {
			if (failed) {
				return;
			}
			filling.last = true;
			send(filling);
			while (inFlight > 0) {
				writeNext();
			}
		}
		finally {
			closeStage();
		}
	}

	/**
	 * After a failure the task may still be working on chunks sent before it: waits for them, whatever
	 * interrupts, so that a stage holding native memory is never closed under the task's feet.
	 */
	private void closeStage() {
		boolean interrupted = false;
		if (inFlight > 0) {
			// fewer chunks than a batch may be waiting, with the task ended
			startTask();
		}
		while (inFlight > 0) {
			try {
				processed.take();
				inFlight--;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		stage.close();
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The digest of everything written so far; later writes are not hashed. Waits for the chunks in flight,
	 * then hashes the one being filled here.
	 */
	byte[] finishDigest() throws IOException {
		if (inputDigest == null || digestFinished) {
			throw new IllegalStateException("No digest to finish");
		}
		if (closed || failed) {
			throw new IOException(closed ? "Stream closed" : "Stream failed before");
		}
		if (inFlight > 0) {
			// fewer chunks than a batch may be waiting, with the task ended
			startTask();
		}
		while (inFlight > 0) {
			writeNext();
		}
		inputDigest.update(filling.data, 0, filling.length);
		digestFinished = true;
		return inputDigest.digest();
	}

	private void send(Chunk chunk) {
		chunk.hashed = inputDigest != null && !digestFinished;
		inFlight++;
		toProcess.add(chunk);
		// the ring holds at least 2 * batch chunks, so a writer waiting for a free one has started the task
		if (waiting.incrementAndGet() >= batch || chunk.last) {
			startTask();
		}
	}

	/** Starts the task unless it is running: it takes on every chunk waiting. */
	private void startTask() {
		if (processing.compareAndSet(false, true)) {
			executor.execute(this::processWaiting);
		}
	}

	/** A free chunk; writes what came back meanwhile, and waits for a chunk if none is free. */
	private Chunk nextFree() throws IOException {
		for (Chunk done = processed.poll(); done != null; done = processed.poll()) {
			writeOut(done);
		}
		if (free.isEmpty()) {
			writeNext();
		}
		return free.poll();
	}

	private void writeNext() throws IOException {
		try {
			writeOut(processed.take());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while waiting for the pipeline");
		}
	}

	private void writeOut(Chunk chunk) throws IOException {
		inFlight--;
		failed = true;
		if (chunk.failure != null) {
			throw new IOException("The pipeline failed", chunk.failure);
		}
		out.write(chunk.output, 0, chunk.result);
		failed = false;
		chunk.length = 0;
		free.add(chunk);
	}

	/** The task: every chunk waiting, in order, then it ends. */
	private void processWaiting() {
		while (true) {
			Chunk chunk = toProcess.poll();
			if (chunk == null) {
				processing.set(false);
				// a chunk sent after the poll but before the reset found the task still running: take it on
				if (toProcess.isEmpty() || !processing.compareAndSet(false, true)) {
					return;
				}
				continue;
			}
			waiting.decrementAndGet();
			process(chunk);
			processed.add(chunk);
		}
	}

	private void process(Chunk chunk) {
		try {
			chunk.result = stage.process(chunk.data, chunk.length, chunk.output, chunk.last);
			// hashing after the stage finds the chunk in this core's cache: the stage has just read it, while
			// before it the chunk was last written by the caller's core (SHA-1 took 0.25 s more per GiB)
			if (chunk.hashed) {
				inputDigest.update(chunk.data, 0, chunk.length);
			}
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			chunk.failure = ex;
		}
	}

	private static final class Chunk {

		final byte[] data;

		final byte[] output;

		int length;

		int result;

		boolean last;

		boolean hashed;

		Exception failure;

		Chunk(int size) {
			this.data = new byte[size];
			this.output = new byte[size];
		}
	}
}

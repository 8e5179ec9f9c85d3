package org.tresor.scan;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * ClamAV's daemon through its {@code INSTREAM} command: each chunk of a file goes to clamd as it goes to the
 * cipher, clamd answers after the last. A thread of each upload's own sends the chunks, a few behind the request
 * thread, so that clamd's receiving and the encryption overlap (one after the other, a 1 GiB upload took 2.6 s
 * longer). clamd keeps the stream in its {@code TemporaryDirectory} while it scans, so
 * that directory must be in memory (tmpfs), as docs/operations.md says. A clamd that stops taking bytes, or does
 * not answer, for longer than the timeout is let go of, and the file counts as not scanned.
 */
final class ClamdScanner implements MalwareScanner, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ClamdScanner.class);

	private static final byte[] INSTREAM = "zINSTREAM\0".getBytes(StandardCharsets.US_ASCII);

	private static final int MAX_REPLY_BYTES = 4096;

	private final ScanProperties.Clamd settings;

	private final boolean acceptsUnscanned;

	private final ScheduledExecutorService watchdog;

	private final ExecutorService senders = Executors.newCachedThreadPool(runnable -> {
		var thread = new Thread(runnable, "clamd-sender");
		thread.setDaemon(true);
		return thread;
	});

	private final Counter clean;

	private final Counter infected;

	private final Counter failed;

	ClamdScanner(ScanProperties.Clamd settings, boolean acceptsUnscanned, ScheduledExecutorService watchdog,
			MeterRegistry meters) {
		this.settings = settings;
		this.acceptsUnscanned = acceptsUnscanned;
		this.watchdog = watchdog;
		this.clean = verdicts(meters, "clean");
		this.infected = verdicts(meters, "infected");
		this.failed = verdicts(meters, "failed");
	}

	private static Counter verdicts(MeterRegistry meters, String outcome) {
		return Counter.builder("tresor.scan.verdicts")
			.description("Files scanned for malware, by what the scan found")
			.tag("outcome", outcome)
			.register(meters);
	}

	@Override
	public FileScan start() {
		return new ClamdFileScan();
	}

	@Override
	public boolean acceptsUnscanned() {
		return acceptsUnscanned;
	}

	/** Stops the watchdog and the senders, with the application. */
	@Override
	public void close() {
		watchdog.shutdownNow();
		senders.shutdownNow();
	}

	/** What clamd's {@code VERSION} says, its date read in this machine's time zone (clamd writes local time). */
	ClamdVersion version() throws IOException {
		return ClamdVersion.parse(command("VERSION"), ZoneId.systemDefault());
	}

	/** clamd's answer to a one-word command ({@code PING}, {@code VERSION}), within the timeout. */
	String command(String command) throws IOException {
		try (var scan = new ClamdFileScan()) {
			return scan.exchange(("z" + command + "\0").getBytes(StandardCharsets.US_ASCII));
		}
	}

	private SocketChannel connect() throws IOException {
		boolean local = settings.socket() != null;
		var channel = local ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
		try {
			channel.connect(local ? UnixDomainSocketAddress.of(settings.socket())
					: new InetSocketAddress(settings.host(), settings.port()));
			return channel;
		}
		catch (IOException | RuntimeException e) {
			channel.close();
			throw e;
		}
	}

	private final class ClamdFileScan implements FileScan {

		/** How many chunks (copies, 64 KiB each from the intake) may wait for the sender: memory per upload. */
		private static final int CHUNKS_AHEAD = 4;

		private static final ByteBuffer END = ByteBuffer.allocate(0);

		private final ScheduledFuture<?> guard;

		private final BlockingQueue<ByteBuffer> chunks = new ArrayBlockingQueue<>(CHUNKS_AHEAD);

		/** The sender, started with the first chunk; volatile: the watchdog stops it from its own thread. */
		private volatile Future<?> sending;

		private volatile IOException sendFailure;

		/** Volatile: the watchdog closes it from its own thread. */
		private volatile SocketChannel channel;

		private long fed;

		private ScanVerdict.Failure failure;

		/** When the I/O under way began ({@link System#nanoTime()}), 0 when none is. */
		private volatile long busySince;

		private volatile boolean timedOut;

		ClamdFileScan() {
			long period = Math.max(10, settings.timeout().toMillis() / 4);
			this.guard = watchdog.scheduleAtFixedRate(this::letGoIfStuck, period, period, TimeUnit.MILLISECONDS);
		}

		@Override
		public void accept(byte[] bytes, int offset, int length) {
			if (failure != null || length == 0) {
				return;
			}
			if (fed + length > settings.maxFileSize().toBytes()) {
				fail(ScanVerdict.Failure.TOO_LARGE, null);
				return;
			}
			if (sending == null) {
				sending = senders.submit(this::send);
			}
			if (sending.isDone() || !hand(ByteBuffer.wrap(Arrays.copyOfRange(bytes, offset, offset + length)))) {
				fail(afterBrokenStream(), sendFailure);
				return;
			}
			fed += length;
		}

		@Override
		public boolean failed() {
			return failure != null;
		}

		/** Queues {@code chunk} for the sender; false once the sender has given up (clamd failed or stalled). */
		private boolean hand(ByteBuffer chunk) {
			try {
				while (!chunks.offer(chunk, 50, TimeUnit.MILLISECONDS)) {
					if (sending.isDone()) {
						return false;
					}
				}
				return true;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		/** The sender: connects, then writes each chunk as it comes, the watchdog timing every write. */
		private void send() {
			try {
				begin();
				channel = connect();
				write(ByteBuffer.wrap(INSTREAM));
				busySince = 0;
				for (var chunk = chunks.take(); chunk != END; chunk = chunks.take()) {
					begin();
					write(ByteBuffer.allocate(4).putInt(0, chunk.remaining()), chunk);
					busySince = 0;
				}
				begin();
				write(ByteBuffer.allocate(4).putInt(0, 0));
			}
			catch (IOException e) {
				sendFailure = e;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			finally {
				busySince = 0;
			}
		}

		/** Whether the sender wrote everything, the end included; waits for it (the watchdog bounds the wait). */
		private boolean sentAll() {
			try {
				sending.get();
				return sendFailure == null;
			}
			catch (ExecutionException | CancellationException e) {
				return false;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		@Override
		public ScanVerdict verdict() {
			if (failure == null && fed == 0) {
				// nothing to find in no bytes (the empty part a browser sends when no file was chosen)
				close();
				clean.increment();
				return new ScanVerdict.Clean();
			}
			if (failure == null && !(hand(END) && sentAll())) {
				fail(afterBrokenStream(), sendFailure);
			}
			if (failure == null) {
				try {
					begin();
					var verdict = parse(readReply());
					if (verdict instanceof ScanVerdict.Infected found) {
						log.warn("clamd found {} in a file; the upload is refused", found.finding());
						infected.increment();
					}
					else {
						clean.increment();
					}
					return verdict;
				}
				catch (IOException e) {
					fail(timedOut ? ScanVerdict.Failure.TIMEOUT : ScanVerdict.Failure.UNAVAILABLE, e);
				}
				catch (UnexpectedReplyException e) {
					fail(e.failure, e);
				}
				finally {
					busySince = 0;
					close();
				}
			}
			failed.increment();
			return new ScanVerdict.Failed(failure);
		}

		String exchange(byte[] command) throws IOException {
			try {
				begin();
				channel = connect();
				write(ByteBuffer.wrap(command));
				return readReply();
			}
			finally {
				busySince = 0;
			}
		}

		@Override
		public void close() {
			guard.cancel(false);
			if (sending != null) {
				sending.cancel(true);
			}
			if (channel != null) {
				try {
					channel.close();
				}
				catch (IOException e) {
					log.debug("Closing the connection to clamd failed", e);
				}
			}
		}

		private void begin() {
			busySince = System.nanoTime();
		}

		private void letGoIfStuck() {
			long since = busySince;
			if (since != 0 && System.nanoTime() - since > settings.timeout().toNanos()) {
				timedOut = true;
				var stuck = channel;
				if (stuck != null) {
					try {
						stuck.close();
					}
					catch (IOException e) {
						log.debug("Closing a stuck connection to clamd failed", e);
					}
				}
				// still connecting (no channel yet): interrupting the sender closes the channel it connects
				var sender = sending;
				if (sender != null) {
					sender.cancel(true);
				}
			}
		}

		private void write(ByteBuffer... buffers) throws IOException {
			long left = 0;
			for (var buffer : buffers) {
				left += buffer.remaining();
			}
			while (left > 0) {
				left -= channel.write(buffers);
				busySince = System.nanoTime();
			}
		}

		private String readReply() throws IOException {
			var reply = ByteBuffer.allocate(MAX_REPLY_BYTES);
			while (reply.hasRemaining()) {
				if (channel.read(reply) < 0) {
					break;
				}
				if (reply.position() > 0 && reply.get(reply.position() - 1) == 0) {
					reply.position(reply.position() - 1);
					break;
				}
			}
			return new String(reply.array(), 0, reply.position(), StandardCharsets.US_ASCII).strip();
		}

		/**
		 * A write failed: clamd may have closed the stream with a reason (its size limit) before going away; else
		 * it broke off.
		 */
		private ScanVerdict.Failure afterBrokenStream() {
			if (timedOut) {
				return ScanVerdict.Failure.TIMEOUT;
			}
			try {
				if (channel != null && channel.isOpen()) {
					String reply = readReply();
					if (reply.contains("size limit exceeded")) {
						return ScanVerdict.Failure.TOO_LARGE;
					}
				}
			}
			catch (IOException e) {
				log.debug("No reason from clamd after a broken stream", e);
			}
			return ScanVerdict.Failure.UNAVAILABLE;
		}

		private void fail(ScanVerdict.Failure failure, Exception cause) {
			this.failure = failure;
			close();
			if (failure == ScanVerdict.Failure.TOO_LARGE) {
				log.warn("A file was not scanned: it is larger than clamd takes (its StreamMaxLength, and"
						+ " tresor.scan.clamd.max-file-size: {})", settings.maxFileSize());
			}
			else {
				log.warn("A file was not scanned: clamd {} ({})",
						failure == ScanVerdict.Failure.TIMEOUT ? "did not answer in " + settings.timeout() : "failed",
						cause == null ? "-" : cause.toString());
			}
		}
	}

	/** {@code stream: OK}, {@code stream: NAME FOUND}, or an error. */
	static ScanVerdict parse(String reply) {
		if (reply.equals("stream: OK")) {
			return new ScanVerdict.Clean();
		}
		if (reply.startsWith("stream: ") && reply.endsWith(" FOUND")) {
			return new ScanVerdict.Infected(reply.substring("stream: ".length(), reply.length() - " FOUND".length()));
		}
		throw new UnexpectedReplyException(reply.contains("size limit exceeded") ? ScanVerdict.Failure.TOO_LARGE
				: ScanVerdict.Failure.UNAVAILABLE, reply);
	}

	static final class UnexpectedReplyException extends RuntimeException {

		private final ScanVerdict.Failure failure;

		UnexpectedReplyException(ScanVerdict.Failure failure, String reply) {
			super("clamd answered: " + (reply.isEmpty() ? "nothing" : reply));
			this.failure = failure;
		}
	}
}

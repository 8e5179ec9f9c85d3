package org.tresor.protection;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.stereotype.Component;
import org.tresor.kernel.InvalidSettingException;
import org.tresor.web.SocketBuffers;

/**
 * Counts the transfers under way, in total and per client, and admits a new one only within both limits
 * ({@link TransferProperties}). In memory: each instance protects its own worker threads.
 * <p>
 * The total is also what the heap holds: every open connection keeps its socket buffers ({@link SocketBuffers}),
 * the application needs {@link #HEAP_RESERVE}, and each transfer {@link #HEAP_PER_TRANSFER}. Measured with
 * {@code -Xmx512m}, 160 slow uploads beside 1,000 idle connections filled the heap to the brim; with malware
 * scanning on it ran out, and the OutOfMemoryError ended Tomcat's acceptor thread: no new connection was taken
 * until a restart. A transfer beyond what fits is refused at once, like one beyond the threads.
 */
@Component
class TransferLimits {

	private static final Logger log = LoggerFactory.getLogger(TransferLimits.class);

	/**
	 * An upload's encryption pipeline (1 MiB) or a download's read-ahead (1 MiB), the request's and the cipher's
	 * buffers (4 × 64 KiB) and a malware scan's chunks (5 × 64 KiB).
	 */
	static final long HEAP_PER_TRANSFER = 1536L << 10;

	/** The application itself (about 120 MiB measured after a run) and its SecuPass checks (64 MiB each). */
	static final long HEAP_RESERVE = 192L << 20;

	/** Why a transfer was refused; the page says which. */
	enum Refusal {
		/** This client has {@code perClient} transfers under way. */
		CLIENT_BUSY,
		/** The server has its maximum of transfers under way. */
		SERVER_BUSY
	}

	/** One admitted transfer; closing it lets the next one in. */
	interface Permit extends AutoCloseable {

		@Override
		void close();
	}

	private final int total;

	private final int perClient;

	private final AtomicInteger running = new AtomicInteger();

	private final ConcurrentHashMap<String, Integer> byClient = new ConcurrentHashMap<>();

	@Autowired
	TransferLimits(TransferProperties properties, TomcatServerProperties server) {
		this(properties, server, Runtime.getRuntime().maxMemory());
	}

	TransferLimits(TransferProperties properties, TomcatServerProperties server, long maxHeap) {
		int threads = server.getThreads().getMax();
		if (properties.threadsForPages() >= threads) {
			throw new InvalidSettingException("tresor.transfers.threads-for-pages",
					"must be less than the server's worker threads (server.tomcat.threads.max, environment variable"
							+ " TRESOR_SERVER_THREADS: " + threads + "), so that transfers get some; was "
							+ properties.threadsForPages());
		}
		int byThreads = threads - properties.threadsForPages();
		if (properties.perClient() > byThreads) {
			throw new InvalidSettingException("tresor.transfers.per-client",
					"must be at most the transfers the server runs at once (" + byThreads
							+ ": server.tomcat.threads.max minus tresor.transfers.threads-for-pages); was "
							+ properties.perClient());
		}
		int byHeap = fittingTheHeap(maxHeap, server.getMaxConnections());
		int chosen = properties.maxAtOnce() > 0 ? properties.maxAtOnce() : byHeap;
		this.total = Math.min(byThreads, chosen);
		this.perClient = Math.min(properties.perClient(), total);
		if (total > byHeap) {
			log.warn("{} transfers at once (tresor.transfers.max-at-once), more than the {} that fit in the heap ({} MiB)"
					+ " beside {} connections at worst", total, byHeap, maxHeap >> 20, server.getMaxConnections());
		}
		else if (byHeap < byThreads && properties.maxAtOnce() == 0) {
			log.warn("{} transfers at once, not {}: that is what fits in the heap ({} MiB) beside {} connections"
					+ " (server.tomcat.max-connections). Give the JVM more heap (-Xmx) or allow fewer connections;"
					+ " see docs/operations.md", total, byThreads, maxHeap >> 20, server.getMaxConnections());
		}
	}

	/** At least one: a heap too small for even that still lets a transfer through, one at a time. */
	private static int fittingTheHeap(long maxHeap, int maxConnections) {
		long free = maxHeap - HEAP_RESERVE - maxConnections * SocketBuffers.HEAP_PER_CONNECTION;
		return (int) Math.max(1, Math.min(Integer.MAX_VALUE, free / HEAP_PER_TRANSFER));
	}

	/** Transfers the server runs at once. */
	int total() {
		return total;
	}

	/** A permit for one more transfer of {@code client}, or why there is none. */
	Admission tryStart(String client) {
		var admitted = new boolean[1];
		byClient.compute(client, (key, count) -> {
			int current = count == null ? 0 : count;
			if (current >= perClient) {
				return count;
			}
			admitted[0] = true;
			return current + 1;
		});
		if (!admitted[0]) {
			return new Admission(Optional.empty(), Refusal.CLIENT_BUSY);
		}
		if (running.incrementAndGet() > total) {
			running.decrementAndGet();
			releaseClient(client);
			return new Admission(Optional.empty(), Refusal.SERVER_BUSY);
		}
		var closed = new AtomicBoolean();
		Permit permit = () -> {
			if (closed.compareAndSet(false, true)) {
				running.decrementAndGet();
				releaseClient(client);
			}
		};
		return new Admission(Optional.of(permit), null);
	}

	/** Either a permit, or the refusal. */
	record Admission(Optional<Permit> permit, Refusal refusal) {
	}

	private void releaseClient(String client) {
		byClient.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
	}
}

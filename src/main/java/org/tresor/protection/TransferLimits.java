package org.tresor.protection;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.stereotype.Component;
import org.tresor.kernel.InvalidSettingException;

/**
 * Counts the transfers under way, in total and per client, and admits a new one only within both limits
 * ({@link TransferProperties}). In memory: each instance protects its own worker threads.
 */
@Component
class TransferLimits {

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

	TransferLimits(TransferProperties properties, TomcatServerProperties server) {
		int threads = server.getThreads().getMax();
		if (properties.threadsForPages() >= threads) {
			throw new InvalidSettingException("tresor.transfers.threads-for-pages",
					"must be less than the server's worker threads (server.tomcat.threads.max, environment variable"
							+ " TRESOR_SERVER_THREADS: " + threads + "), so that transfers get some; was "
							+ properties.threadsForPages());
		}
		this.total = threads - properties.threadsForPages();
		if (properties.perClient() > total) {
			throw new InvalidSettingException("tresor.transfers.per-client",
					"must be at most the transfers the server runs at once (" + total
							+ ": server.tomcat.threads.max minus tresor.transfers.threads-for-pages); was "
							+ properties.perClient());
		}
		this.perClient = properties.perClient();
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

package org.tresor.crypto;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads that never keep the JVM from exiting, numbered after {@code prefix}: named in thread dumps. */
final class DaemonThreads {

	private DaemonThreads() {
	}

	static ThreadFactory named(String prefix) {
		var count = new AtomicInteger();
		return task -> {
			var thread = new Thread(task, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}
}

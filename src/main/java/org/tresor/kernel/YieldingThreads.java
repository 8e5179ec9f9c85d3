package org.tresor.kernel;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Threads for work that may wait its turn (Argon2 password hashes, the event listeners that send mails): on Linux
 * each runs at a lower scheduling priority ({@code nice} {@value #NICENESS} more than the JVM), so when pages and
 * such work both want the processors, the pages get them first and the work takes what is left; on an idle
 * machine it runs as fast as before. Measured on two cores: in a burst of ticket requests and sign-ins, one core
 * hashed passwords and the mails took much of the other while every page waited. Elsewhere, or where the C
 * library refuses, the threads run at the normal priority (logged once).
 */
public final class YieldingThreads implements ThreadFactory {

	/** Linux's scheduler gives a thread 10 nicer about a tenth of what the other gets when both want to run. */
	public static final int NICENESS = 10;

	/** The largest niceness Linux has. */
	public static final int NICEST = 19;

	private static final Logger log = LoggerFactory.getLogger(YieldingThreads.class);

	private static final int PRIO_PROCESS = 0;

	/** On Linux, {@code PRIO_PROCESS} with {@code who} 0 is the calling thread alone, not the whole JVM. */
	private static final int CALLING_THREAD = 0;

	/**
	 * The C functions. A thread starts with the niceness of the thread that made it, which may be one of these;
	 * the JVM's main thread (whose id is the process id) has the niceness the JVM was started with.
	 */
	interface CLibrary extends Library {

		int getpid();

		int getpriority(int which, int who);

		int setpriority(int which, int who, int priority);
	}

	private final String name;

	private final AtomicInteger count = new AtomicInteger();

	private final AtomicInteger refusals = new AtomicInteger();

	public YieldingThreads(String name) {
		this.name = name;
	}

	@Override
	public Thread newThread(Runnable work) {
		var thread = new Thread(() -> {
			yieldToOthers();
			work.run();
		}, name + "-" + count.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	}

	private void yieldToOthers() {
		if (!Platform.isLinux()) {
			return;
		}
		try {
			var c = Native.load("c", CLibrary.class);
			var niceness = Math.min(NICEST, c.getpriority(PRIO_PROCESS, c.getpid()) + NICENESS);
			if (c.setpriority(PRIO_PROCESS, CALLING_THREAD, niceness) != 0) {
				refused("setpriority failed");
			}
		}
		catch (LinkageError e) {
			refused(e.toString());
		}
	}

	private void refused(String why) {
		if (refusals.getAndIncrement() == 0) {
			log.warn("{} threads run at the normal priority: {}", name, why);
		}
	}
}

package org.tresor.kernel;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * Background jobs that must run once across all instances of the application (mail retries, the blob
 * sweeper, retention). Every instance schedules them; each run first takes the job's ShedLock lock row, so
 * only one instance works at a time, and a run that finds the lock taken is skipped. The lock is held for at
 * least {@link #MIN_GAP} (or half an interval, if that is shorter), so instances started together, whose
 * schedules fire at nearly the same moment, do not each run the job right after one another; a restart still
 * runs it at once. Runs on different instances further apart are harmless: every job is idempotent. A
 * crashed instance's lock expires after {@code maxRunTime}.
 */
@Component
public class ClusterJobs {

	private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);

	static final Duration MIN_GAP = Duration.ofSeconds(10);

	private final LockingTaskExecutor locks;

	public ClusterJobs(LockingTaskExecutor locks) {
		this.locks = locks;
	}

	/** Runs {@code job} {@code delayAfterStartup} after startup, then {@code interval} after each run ends. */
	public void schedule(ScheduledTaskRegistrar registrar, String name, Duration delayAfterStartup, Duration interval,
			Duration maxRunTime, Runnable job) {
		registrar.addFixedDelayTask(new FixedDelayTask(() -> {
			try {
				runExclusively(name, interval, maxRunTime, job);
			}
			catch (RuntimeException e) {
				if (!DatabaseUnavailable.isCauseOf(e)) {
					throw e;
				}
				// one line per run while the database is down, not a stack trace every few seconds
				log.warn("Job {} skipped, database unavailable: {}", name, DatabaseUnavailable.describe(e));
			}
		}, interval, delayAfterStartup));
	}

	/** Runs {@code job} now unless another instance holds its lock; true if it ran here. */
	public boolean runExclusively(String name, Duration interval, Duration maxRunTime, Runnable job) {
		var ran = new boolean[1];
		var halfInterval = interval.dividedBy(2);
		var atLeast = halfInterval.compareTo(MIN_GAP) < 0 ? halfInterval : MIN_GAP;
		locks.executeWithLock((Runnable) () -> {
			ran[0] = true;
			job.run();
		}, new LockConfiguration(Instant.now(), name, maxRunTime, atLeast.compareTo(maxRunTime) > 0 ? maxRunTime : atLeast));
		return ran[0];
	}
}

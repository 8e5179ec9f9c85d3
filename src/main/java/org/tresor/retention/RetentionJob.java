package org.tresor.retention;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.tresor.kernel.ClusterJobs;

/**
 * Runs every module's {@link ExpiryTask} shortly after each start and then every
 * {@code tresor.retention.interval}, on one instance at a time. A task that fails (database down, say) is
 * logged and does not stop the others; the next run picks up where it left off.
 */
@Component
class RetentionJob implements SchedulingConfigurer {

	static final String JOB = "retention";

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	private static final Duration MAX_RUN_TIME = Duration.ofHours(1);

	private final List<ExpiryTask> tasks;

	private final ClusterJobs jobs;

	private final RetentionProperties properties;

	private final Clock clock;

	RetentionJob(List<ExpiryTask> tasks, ClusterJobs jobs, RetentionProperties properties, Clock clock) {
		this.tasks = tasks;
		this.jobs = jobs;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		jobs.schedule(registrar, JOB, properties.delayAfterStartup(), properties.interval(), MAX_RUN_TIME,
				this::deleteExpired);
	}

	/** Runs now unless another instance runs it; true if it ran here. */
	boolean runExclusively() {
		return jobs.runExclusively(JOB, properties.interval(), MAX_RUN_TIME, this::deleteExpired);
	}

	/** One run, here and now: what each task deleted, by task name (-1 where it failed). */
	Map<String, Integer> deleteExpired() {
		var now = clock.instant();
		var deleted = new LinkedHashMap<String, Integer>();
		for (var task : tasks) {
			try {
				deleted.put(task.name(), task.deleteExpired(now));
			}
			catch (RuntimeException e) {
				log.error("Retention of {} failed; the next run tries again", task.name(), e);
				deleted.put(task.name(), -1);
			}
		}
		log.info("Retention: deleted {}", deleted);
		return deleted;
	}
}

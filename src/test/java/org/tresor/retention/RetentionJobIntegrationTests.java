package org.tresor.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tresor.kernel.ClusterJobs;
import org.tresor.TresorIntegrationTest;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

/** The retention job runs every module's expiry task, on one instance at a time. */
class RetentionJobIntegrationTests extends TresorIntegrationTest {

	@Autowired
	RetentionJob job;

	@Autowired
	RetentionProperties properties;

	@Autowired
	DataSource dataSource;

	@Test
	void runsTheExpiryTaskOfEveryModule() {
		assertThat(job.deleteExpired()).containsKeys("tickets and submissions", "set-up links and external accounts",
				"deliveries");
	}

	@Test
	void aFailingTaskDoesNotStopTheOthers() {
		var later = task("later", now -> 3);
		var results = instance(List.of(task("broken", now -> {
			throw new IllegalStateException("database gone");
		}), later)).deleteExpired();

		assertThat(results).containsEntry("broken", -1).containsEntry("later", 3);
	}

	@Test
	void runsOnOneInstanceAtATime() throws Exception {
		var runs = new AtomicInteger();
		var started = new CountDownLatch(1);
		var release = new CountDownLatch(1);
		var slow = task("slow", now -> {
			runs.incrementAndGet();
			started.countDown();
			await(release);
			return 0;
		});
		var first = instance(List.of(slow));
		var second = instance(List.of(slow));

		var firstRun = CompletableFuture.supplyAsync(first::runExclusively);
		await(started);
		var secondRan = second.runExclusively();
		release.countDown();

		assertThat(firstRun.get(30, TimeUnit.SECONDS)).isTrue();
		assertThat(secondRan).as("while the first instance runs").isFalse();
		assertThat(second.runExclusively()).as("right after the first instance ran").isFalse();
		assertThat(runs).hasValue(1);
	}

	/** Another application instance: its own lock client on the shared database. */
	RetentionJob instance(List<ExpiryTask> tasks) {
		var locks = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
		return new RetentionJob(tasks, new ClusterJobs(new DefaultLockingTaskExecutor(locks)), properties,
				Clock.systemUTC());
	}

	interface Deletion {

		int at(Instant now);
	}

	static ExpiryTask task(String name, Deletion deletion) {
		return new ExpiryTask() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public int deleteExpired(Instant now) {
				return deletion.at(now);
			}
		};
	}

	static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}
}

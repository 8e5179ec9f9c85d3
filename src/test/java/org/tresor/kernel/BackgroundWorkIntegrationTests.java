package org.tresor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.tresor.Niceness;
import org.tresor.TresorIntegrationTest;

import com.sun.jna.Platform;

/** What runs after a request was answered (mails, audit entries, counters) yields the processors to the pages. */
class BackgroundWorkIntegrationTests extends TresorIntegrationTest {

	@Autowired
	@Qualifier("applicationTaskExecutor")
	private AsyncTaskExecutor listeners;

	@Test
	void eventListenersRunOnThreadsThatYieldToThePages() throws Exception {
		assumeTrue(Platform.isLinux(), "niceness is Linux's");

		var niceness = listeners.submit(Niceness::ofThisThread).get(10, TimeUnit.SECONDS);

		assertThat(niceness).isEqualTo(Math.min(YieldingThreads.NICEST, Niceness.ofThisThread() + YieldingThreads.NICENESS));
	}
}

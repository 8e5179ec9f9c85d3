package org.tresor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.tresor.Niceness;

import com.sun.jna.Platform;

class YieldingThreadsTests {

	@Test
	void runsItsWorkAtALowerPriorityOnLinux() throws Exception {
		assumeTrue(Platform.isLinux(), "niceness is Linux's");
		var niceness = new CompletableFuture<Integer>();

		var threads = new YieldingThreads("hashing");

		threads.newThread(() -> threads.newThread(() -> niceness.complete(Niceness.ofThisThread())).start()).start();

		assertThat(niceness.get(10, TimeUnit.SECONDS))
			.as("10 nicer than the JVM, even when made by one of these threads")
			.isEqualTo(Math.min(YieldingThreads.NICEST, Niceness.ofThisThread() + YieldingThreads.NICENESS));
	}

	@Test
	void namesItsThreadsInOrderAndLetsTheJvmEndWithoutThem() {
		var threads = new YieldingThreads("hashing");

		var first = threads.newThread(() -> {
		});
		var second = threads.newThread(() -> {
		});

		assertThat(first.getName()).isEqualTo("hashing-1");
		assertThat(second.getName()).isEqualTo("hashing-2");
		assertThat(first.isDaemon()).isTrue();
	}
}

package org.tresor.kernel;

import org.springframework.boot.task.ThreadPoolTaskExecutorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's task executor runs what the modules do after a request has been answered (mails, audit
 * entries, counters: the event listeners). Its threads yield to the request threads ({@link YieldingThreads}):
 * measured on two cores, a burst of ticket requests had its mails take half a core while the pages waited.
 */
@Configuration(proxyBeanMethods = false)
class BackgroundWorkConfiguration {

	@Bean
	ThreadPoolTaskExecutorCustomizer yieldingTaskThreads() {
		return executor -> executor.setThreadFactory(new YieldingThreads("task"));
	}
}

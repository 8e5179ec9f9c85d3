package org.tresor.scan;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
class ScanConfiguration {

	@Bean
	MalwareScanner malwareScanner(ScanProperties properties, MeterRegistry meters) {
		if (properties.mode() == ScanProperties.Mode.OFF) {
			return new ScanningOff();
		}
		return new ClamdScanner(properties.clamd(), clamdWatchdog(), meters);
	}

	/** One daemon thread lets go of connections to a clamd that stopped answering; the scanner stops it. */
	private static ScheduledExecutorService clamdWatchdog() {
		return Executors.newSingleThreadScheduledExecutor(runnable -> {
			var thread = new Thread(runnable, "clamd-watchdog");
			thread.setDaemon(true);
			return thread;
		});
	}
}

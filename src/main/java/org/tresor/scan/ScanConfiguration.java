package org.tresor.scan;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/** The scanner {@code tresor.scan.mode} names, and with clamd its health. */
@Configuration(proxyBeanMethods = false)
class ScanConfiguration {

	@Bean
	@ConditionalOnProperty(prefix = "tresor.scan", name = "mode", havingValue = "off", matchIfMissing = true)
	ScanningOff scanningOff() {
		return new ScanningOff();
	}

	@Bean
	@ConditionalOnProperty(prefix = "tresor.scan", name = "mode", havingValue = "clamd")
	ClamdScanner clamdScanner(ScanProperties properties, MeterRegistry meters) {
		return new ClamdScanner(properties.clamd(),
				properties.whenUnavailable() == ScanProperties.WhenUnavailable.ACCEPT_UNSCANNED, clamdWatchdog(), meters);
	}

	@Bean
	@ConditionalOnProperty(prefix = "tresor.scan", name = "mode", havingValue = "clamd")
	ClamdHealthIndicator clamdHealthIndicator(ClamdScanner clamd, ScanProperties properties, Clock clock) {
		return new ClamdHealthIndicator(clamd, properties.clamd().maxSignatureAge(), clock);
	}

	/** One daemon thread lets go of connections to a clamd that stopped answering; the scanner stops it. */
	static ScheduledExecutorService clamdWatchdog() {
		return Executors.newSingleThreadScheduledExecutor(runnable -> {
			var thread = new Thread(runnable, "clamd-watchdog");
			thread.setDaemon(true);
			return thread;
		});
	}
}

package org.tresor.scan;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** What the administration page shows of the scanner, asked fresh each time. */
@Component
class ScannerState {

	/** One look at the scanner; {@code signaturesDate} is null where clamd names none. */
	record View(boolean on, boolean answering, String engine, Long signatures, Instant signaturesDate,
			boolean outdated, String maxSignatureAge, String where) {
	}

	private final ObjectProvider<ClamdScanner> clamd;

	private final ScanProperties properties;

	private final Clock clock;

	ScannerState(ObjectProvider<ClamdScanner> clamd, ScanProperties properties, Clock clock) {
		this.clamd = clamd;
		this.properties = properties;
		this.clock = clock;
	}

	View now() {
		var settings = properties.clamd();
		var maxAge = Long.toString(settings.maxSignatureAge().toDays());
		var scanner = clamd.getIfAvailable();
		if (scanner == null) {
			return new View(false, false, null, null, null, false, maxAge, null);
		}
		var where = settings.socket() != null ? settings.socket().toString() : settings.host() + ":" + settings.port();
		try {
			var version = scanner.version();
			return new View(true, true, version.engine(), version.signatures().orElse(null),
					version.signaturesDate().orElse(null), version.outdated(clock.instant(), settings.maxSignatureAge()),
					maxAge, where);
		}
		catch (IOException e) {
			return new View(true, false, null, null, null, false, maxAge, where);
		}
	}
}

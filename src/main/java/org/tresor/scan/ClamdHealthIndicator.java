package org.tresor.scan;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code clamd} in {@code /actuator/health} when scanning is on: down when clamd does not answer {@code PING}, since
 * every upload is then refused; up with its engine and signatures otherwise, saying whether the signatures are
 * older than {@code tresor.scan.clamd.max-signature-age} (the administration page warns then). Not part of the
 * readiness group: without clamd, everything but uploads still works.
 */
class ClamdHealthIndicator extends AbstractHealthIndicator {

	private final ClamdScanner clamd;

	private final Duration maxSignatureAge;

	private final Clock clock;

	ClamdHealthIndicator(ClamdScanner clamd, Duration maxSignatureAge, Clock clock) {
		super("clamd does not answer");
		this.clamd = clamd;
		this.maxSignatureAge = maxSignatureAge;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		var pong = clamd.command("PING");
		if (!"PONG".equals(pong)) {
			builder.down().withDetail("answer", pong);
			return;
		}
		var version = clamd.version();
		builder.up().withDetail("engine", version.engine());
		version.signatures().ifPresent(signatures -> builder.withDetail("signatures", signatures));
		version.signaturesDate().ifPresent(date -> builder.withDetail("signaturesDate", date.toString()));
		builder.withDetail("signaturesOutdated", version.outdated(clock.instant(), maxSignatureAge));
	}
}

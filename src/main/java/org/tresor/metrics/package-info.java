/**
 * Counters of what people do, for {@code /actuator/prometheus}: counted from the other modules' events, after
 * their transaction committed. Meters of work in progress live where the work happens ({@code tresor.upload}
 * and {@code tresor.bytes.encrypted} in submission, {@code tresor.mail.failures} in notification).
 */
@ApplicationModule(displayName = "Metrics", allowedDependencies = {"account::events", "delivery::events",
		"submission::events"})
package org.tresor.metrics;

import org.springframework.modulith.ApplicationModule;

/**
 * Counters of what people do, for {@code /actuator/prometheus}: counted from the other modules' events, after
 * their transaction committed. Meters of work in progress live where the work happens ({@code tresor.upload}
 * and {@code tresor.bytes.encrypted} in submission, {@code tresor.mail.failures} in notification).
 */
package org.tresor.metrics;

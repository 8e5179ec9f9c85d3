package org.tresor.protection;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How many uploads and downloads run at once. Each holds one of the server's worker threads
 * ({@code server.tomcat.threads.max}) for as long as its bytes take to cross the network, however slow the
 * client: transfers may use all threads but {@code threadsForPages}, so pages (sign-in, the submit form, the
 * lists) always find a free one. Beyond the limits a transfer is refused at once with 503 and
 * {@code Retry-After}.
 *
 * @param threadsForPages worker threads no transfer may take: transfers at once are at most
 * {@code server.tomcat.threads.max} minus these
 * @param perClient transfers at once from one client (one address, see {@link ClientAddresses}); a browser opens
 * at most six connections to a server, people behind one office address share this
 * @param retryAfter what a refused transfer's {@code Retry-After} says
 * @param maxAtOnce transfers at once in total; 0 (the default): as many as the threads allow and the heap holds
 * beside every connection's buffers at worst ({@link TransferLimits}). Set, it replaces the heap's share of that
 * rule, for an operator who has measured that more fit
 */
@Validated
@ConfigurationProperties("tresor.transfers")
record TransferProperties(@DefaultValue("40") @Min(1) int threadsForPages, @DefaultValue("8") @Min(1) int perClient,
		@DefaultValue("30s") @NotNull @DurationMin(seconds = 1) Duration retryAfter,
		@DefaultValue("0") @Min(0) int maxAtOnce) {
}

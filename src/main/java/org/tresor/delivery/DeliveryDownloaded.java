package org.tresor.delivery;

import java.time.Instant;

import org.springframework.modulith.NamedInterface;
import org.tresor.account.UserId;

/** A recipient fetched files of a delivery; {@code first} the first time they did. */
@NamedInterface("events")
public record DeliveryDownloaded(DeliveryId id, String reference, UserId sender, UserId recipient,
		String recipientEmail, Instant downloadedAt, boolean first) {
}

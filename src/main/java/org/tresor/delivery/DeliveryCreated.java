package org.tresor.delivery;

import java.time.Instant;

import org.springframework.modulith.NamedInterface;
import org.tresor.account.UserId;

/** A staff member sent a delivery; its files are encrypted and stored. */
@NamedInterface("events")
public record DeliveryCreated(DeliveryId id, String reference, UserId sender, int recipientCount, int fileCount,
		long totalSize, Instant createdAt) {
}

package org.tresor.delivery;

import org.springframework.modulith.NamedInterface;
import org.tresor.account.UserId;

/** A recipient deleted a delivery for themselves. */
@NamedInterface("events")
public record DeliveryDeletedByRecipient(DeliveryId id, String reference, UserId recipient) {
}

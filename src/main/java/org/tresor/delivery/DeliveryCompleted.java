package org.tresor.delivery;

import org.springframework.modulith.NamedInterface;
import org.tresor.account.UserId;

/** The sender wrote the key packets for a recipient who set up access after the delivery was sent. */
@NamedInterface("events")
public record DeliveryCompleted(DeliveryId id, String reference, UserId sender, String recipientEmail) {
}

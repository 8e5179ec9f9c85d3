package org.tresor.delivery;

import org.springframework.modulith.NamedInterface;
import org.tresor.account.UserId;

/** The sender withdrew a delivery: it is gone for everyone. */
@NamedInterface("events")
public record DeliveryWithdrawn(DeliveryId id, String reference, UserId by) {
}

package org.tresor.delivery;

import org.tresor.account.UserId;

/** The sender withdrew a delivery: it is gone for everyone. */
public record DeliveryWithdrawn(DeliveryId id, String reference, UserId by) {
}

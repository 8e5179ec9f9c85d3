package org.tresor.delivery;

import org.tresor.account.UserId;

/** A recipient deleted a delivery for themselves. */
public record DeliveryDeletedByRecipient(DeliveryId id, String reference, UserId recipient) {
}

package org.tresor.delivery;

import org.tresor.account.UserId;

/** {@code count} deliveries from one sender can be fetched by the recipient now. */
public record DeliveryReady(UserId recipient, String recipientEmail, String senderEmail, int count) {
}

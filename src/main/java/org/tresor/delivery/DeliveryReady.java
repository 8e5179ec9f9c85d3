package org.tresor.delivery;

import org.springframework.modulith.NamedInterface;
import org.tresor.account.UserId;

/** {@code count} deliveries from one sender can be fetched by the recipient now. */
@NamedInterface("events")
public record DeliveryReady(UserId recipient, String recipientEmail, String senderEmail, int count) {
}

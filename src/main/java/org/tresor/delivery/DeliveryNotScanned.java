package org.tresor.delivery;

import org.springframework.modulith.NamedInterface;
import org.tresor.account.UserId;

/** A delivery was sent although the malware scanner could not look at a file of it (accept-unscanned). */
@NamedInterface("events")
public record DeliveryNotScanned(String reference, UserId sender) {
}

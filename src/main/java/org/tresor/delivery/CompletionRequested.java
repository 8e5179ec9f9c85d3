package org.tresor.delivery;

import org.springframework.modulith.NamedInterface;
import org.tresor.account.UserId;

/** A recipient set up access; the sender must complete {@code count} deliveries with the SecuPass. */
@NamedInterface("events")
public record CompletionRequested(UserId sender, String recipientEmail, int count) {
}

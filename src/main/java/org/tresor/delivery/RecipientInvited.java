package org.tresor.delivery;

import java.time.Instant;

import org.springframework.modulith.NamedInterface;
import org.tresor.account.SetupLinkId;

/**
 * Documents wait for someone who has not set up access yet: the mail carries the setup link. Carries no token:
 * the mail gets a fresh one for {@code setupLink} when it is written, so no token waits in the event
 * publication registry.
 */
@NamedInterface("events")
public record RecipientInvited(DeliveryId id, SetupLinkId setupLink, String recipientEmail, String senderEmail,
		Instant setupLinkExpiresAt, Instant deliveryExpiresAt, String languageTag) {
}

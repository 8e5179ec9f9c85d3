package org.tresor.delivery;

import java.time.Instant;

import org.springframework.modulith.NamedInterface;

/**
 * Documents wait for someone who has not set up access yet: the mail carries the setup link. The raw token
 * exists only in this event (kept until the mail is sent) and in the mail; the database stores its hash.
 */
@NamedInterface("events")
public record RecipientInvited(DeliveryId id, String recipientEmail, String senderEmail, String setupToken,
		Instant setupLinkExpiresAt, Instant deliveryExpiresAt, String languageTag) {
}

package org.tresor.delivery;

import java.util.Locale;

/** Where a delivery stands for one recipient, as the sender's outbox shows it. */
enum RecipientState {
	WAITING_FOR_SETUP, SETUP_LINK_EXPIRED, READY_TO_COMPLETE, SENT, DOWNLOADED, DELETED, EXPIRED;

	public String messageKey() {
		return "outbox.state." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The sender may send the recipient a new set-up link. */
	public boolean canResendSetupLink() {
		return this == SETUP_LINK_EXPIRED;
	}
}

package org.tresor.delivery;

import java.util.Locale;

/** Where a delivery stands for one recipient, as the sender's outbox shows it. */
enum RecipientState {
	WAITING_FOR_SETUP, READY_TO_COMPLETE, SENT, DOWNLOADED, DELETED, EXPIRED;

	public String messageKey() {
		return "outbox.state." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}
}

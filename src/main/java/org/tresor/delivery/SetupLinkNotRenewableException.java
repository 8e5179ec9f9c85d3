package org.tresor.delivery;

/** The recipient's set-up link cannot be sent again: it still works, or there is no set-up to do. */
class SetupLinkNotRenewableException extends RuntimeException {

	SetupLinkNotRenewableException() {
		super("no expired set-up link to renew", null, false, false);
	}
}

package org.tresor.account;

/**
 * The address belongs to an external recipient of deliveries, not to staff: a staff invitation must not turn
 * them into a staff member.
 */
public class ExternalAccountException extends RuntimeException {

	ExternalAccountException() {
		super("e-mail address belongs to an external account", null, false, false);
	}
}

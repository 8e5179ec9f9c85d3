package org.tresor.account;

/**
 * Implemented by the module that sends deliveries to external accounts: retention removes an external
 * account only when no implementation reports a delivery still waiting for it (not yet downloaded and
 * deleted, not yet expired). With no implementation, nothing is pending.
 */
public interface PendingDeliveries {

	boolean existFor(UserId externalUser);
}

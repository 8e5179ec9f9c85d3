package org.tresor;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.tresor.account.PendingDeliveries;
import org.tresor.account.UserId;

/** Stands in for the delivery module: tests say which external users still have a delivery waiting. */
public class TestPendingDeliveries implements PendingDeliveries {

	private final Set<UserId> pending = ConcurrentHashMap.newKeySet();

	public void add(UserId user) {
		pending.add(user);
	}

	public void clear() {
		pending.clear();
	}

	@Override
	public boolean existFor(UserId externalUser) {
		return pending.contains(externalUser);
	}
}

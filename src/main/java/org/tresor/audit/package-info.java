/**
 * The append-only record of what people did, written from the other modules' events, and its page for
 * administrators.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = {"account", "account::events", "delivery::events",
		"parcel::events", "submission::events", "storage"})
package org.tresor.audit;

import org.springframework.modulith.ApplicationModule;

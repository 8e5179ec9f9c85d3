/**
 * Outbound deliveries: staff send documents to external recipients, encrypted at once to the sender and to
 * every recipient who has a key; recipients who set up access later get theirs when the sender completes
 * the delivery (a re-wrapped session key, the bodies untouched).
 */
@ApplicationModule(displayName = "Delivery", allowedDependencies = {"account", "account::events", "parcel",
		"parcel::web", "protection", "retention", "web"})
package org.tresor.delivery;

import org.springframework.modulith.ApplicationModule;

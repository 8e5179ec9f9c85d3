/**
 * Submit boxes, tickets, the inbound form and the staff inbox.
 */
@ApplicationModule(displayName = "Submission", allowedDependencies = {"account", "account::events", "parcel",
		"parcel::web", "protection", "retention", "web"})
package org.tresor.submission;

import org.springframework.modulith.ApplicationModule;

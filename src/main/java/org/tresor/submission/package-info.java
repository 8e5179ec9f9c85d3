/**
 * Submit boxes, tickets, the inbound form and the staff inbox.
 */
@ApplicationModule(displayName = "Submission", allowedDependencies = {"account", "account::events", "crypto",
		"parcel", "protection", "retention", "storage", "web"})
package org.tresor.submission;

import org.springframework.modulith.ApplicationModule;

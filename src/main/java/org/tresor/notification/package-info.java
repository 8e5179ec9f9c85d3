/**
 * All mail: text and HTML templates in German and English, sent from the other modules' events and retried
 * while the mail server is down; the dev mailbox ({@code dev}) for running without one.
 */
@ApplicationModule(displayName = "Notification", allowedDependencies = {"account", "account::events",
		"delivery::events", "submission", "submission::events", "web"})
package org.tresor.notification;

import org.springframework.modulith.ApplicationModule;

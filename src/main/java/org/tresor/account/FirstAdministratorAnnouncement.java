package org.tresor.account;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tresor.kernel.TresorProperties;

/** On start with no administrator, logs the one-time setup URL: one line, at WARN. */
@Component
class FirstAdministratorAnnouncement {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministratorAnnouncement.class);

	private final FirstAdministrator firstAdministrator;

	private final TresorProperties tresor;

	private final AccountProperties properties;

	FirstAdministratorAnnouncement(FirstAdministrator firstAdministrator, TresorProperties tresor,
			AccountProperties properties) {
		this.firstAdministrator = firstAdministrator;
		this.tresor = tresor;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		firstAdministrator.offerLink()
			.ifPresent(token -> log.warn("No administrator yet. Create one at {}; the link works once and expires in {}.",
					tresor.link("/setup/" + token.value()), describe(properties.firstAdminLinkLifetime())));
	}

	static String describe(Duration duration) {
		if (duration.toDays() > 1 && duration.equals(Duration.ofDays(duration.toDays()))) {
			return plural(duration.toDays(), "day");
		}
		if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours()))) {
			return plural(duration.toHours(), "hour");
		}
		return plural(Math.max(1, duration.toMinutes()), "minute");
	}

	private static String plural(long amount, String unit) {
		return amount + " " + unit + (amount == 1 ? "" : "s");
	}
}

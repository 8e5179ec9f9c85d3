package org.tresor.account;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tresor.kernel.TresorProperties;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * On start with no administrator, logs the one-time setup URL: one line, at WARN. Instances that start
 * together on one database offer one link between them: the first to take the cluster-wide lock creates and
 * logs it; the others log that it is pending and where to find it, so every link that was logged works.
 */
@Component
class FirstAdministratorAnnouncement {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministratorAnnouncement.class);

	static final String LOCK = "first-administrator-link";

	/** A link offered less recently than this is replaced by the next start (its log may be lost). */
	static final Duration STARTED_TOGETHER = Duration.ofMinutes(10);

	private static final Duration LOCK_AT_MOST = Duration.ofMinutes(1);

	private final FirstAdministrator firstAdministrator;

	private final LockingTaskExecutor locks;

	private final TresorProperties tresor;

	private final AccountProperties properties;

	FirstAdministratorAnnouncement(FirstAdministrator firstAdministrator, LockingTaskExecutor locks,
			TresorProperties tresor, AccountProperties properties) {
		this.firstAdministrator = firstAdministrator;
		this.locks = locks;
		this.tresor = tresor;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		var offer = new AtomicReference<FirstAdministrator.Offer>();
		locks.executeWithLock((Runnable) () -> offer.set(firstAdministrator.offerLinkOnStart(STARTED_TOGETHER)),
				new LockConfiguration(Instant.now(), LOCK, LOCK_AT_MOST, Duration.ZERO));
		var offered = offer.get();
		if (offered instanceof FirstAdministrator.Offer.Fresh fresh) {
			log.warn("No administrator yet. Create one at {}; the link works once and expires in {}.",
					tresor.link("/setup/" + fresh.token().value()), describe(properties.firstAdminLinkLifetime()));
		}
		else if (offered instanceof FirstAdministrator.Offer.Pending pending) {
			log.warn("No administrator yet. The one-time link was logged at {} by an instance started about the same"
					+ " time: see its log. The link works once, until {}; a start after {} logs a new one.",
					pending.createdAt(), pending.expiresAt(), pending.createdAt().plus(STARTED_TOGETHER));
		}
		else if (offered == null) {
			log.warn("No administrator yet. Another instance is logging the one-time link right now;"
					+ " it is in that instance's log.");
		}
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

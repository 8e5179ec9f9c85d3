package org.tresor.kernel;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Remembers that the database cannot be reached, so that while it is down a request learns so at once instead
 * of waiting for the pool's connection timeout again and again: a first visit, which renders its page and then
 * writes its new session, would otherwise wait twice, and a thousand visitors would each hold a thread for the
 * timeout. Once per {@link #PROBE_INTERVAL} one request goes through to the pool and finds out whether the
 * database is back; then everyone goes through again.
 *
 * <p>Only a pool that could not make a connection (it times out with the connection's failure as the cause)
 * counts as "unreachable". A pool that is merely busy (all connections lent out, no failure) does not: its
 * requests wait their turn as before.
 */
final class OutageAwareDataSource extends DelegatingDataSource {

	/** How often a request tries the database while it is known to be down. */
	static final Duration PROBE_INTERVAL = Duration.ofSeconds(2);

	/** SQLSTATE 08001: the client could not establish the connection. */
	private static final String UNABLE_TO_CONNECT = "08001";

	private static final Logger log = LoggerFactory.getLogger(OutageAwareDataSource.class);

	private final Clock clock;

	private final AtomicBoolean probing = new AtomicBoolean();

	/** When the next request may try the database; null while it is reachable. */
	private volatile Instant nextAttempt;

	OutageAwareDataSource(DataSource pool, Clock clock) {
		super(pool);
		this.clock = clock;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return connect(() -> super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return connect(() -> super.getConnection(username, password));
	}

	private Connection connect(Connector pool) throws SQLException {
		var retryAt = nextAttempt;
		if (retryAt == null) {
			return connectNoting(pool);
		}
		if (clock.instant().isBefore(retryAt) || !probing.compareAndSet(false, true)) {
			throw new SQLTransientConnectionException(
					"The database cannot be reached (known since an earlier attempt; tried again every "
							+ PROBE_INTERVAL.toSeconds() + " s)", UNABLE_TO_CONNECT);
		}
		try {
			var connection = connectNoting(pool);
			nextAttempt = null;
			log.info("The database can be reached again");
			return connection;
		}
		finally {
			probing.set(false);
		}
	}

	private Connection connectNoting(Connector pool) throws SQLException {
		try {
			return pool.connect();
		}
		catch (SQLTransientConnectionException timeout) {
			if (timeout.getCause() != null) {
				if (nextAttempt == null) {
					log.warn("The database cannot be reached; until it can, requests are answered at once: {}",
							DatabaseUnavailable.describe(timeout));
				}
				nextAttempt = clock.instant().plus(PROBE_INTERVAL);
			}
			throw timeout;
		}
	}

	@FunctionalInterface
	private interface Connector {

		Connection connect() throws SQLException;
	}
}

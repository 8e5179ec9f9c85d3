package org.tresor.protection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Repository;

/**
 * The statements Bucket4j's compare-and-swap needs, in plain JDBC: each runs on a connection of its own in
 * auto-commit, so it commits at once (a failed attempt stays counted when the caller's work rolls back, and no
 * caller's transaction is joined) and holds its connection for that one statement only. Through JPA each was a
 * transaction with an entity manager of its own: measured, a third of a ticket request's CPU time.
 */
@Repository
class RateLimitBuckets {

	/** Both H2 and PostgreSQL report a duplicate primary key with the SQL standard's state. */
	private static final String UNIQUE_VIOLATION = "23505";

	private final DataSource dataSource;

	private final SQLExceptionTranslator translator = new SQLExceptionSubclassTranslator();

	RateLimitBuckets(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	Optional<byte[]> stateOf(String id) {
		return run("select state from rate_limit_buckets where id = ?", statement -> {
			statement.setString(1, id);
			try (var rows = statement.executeQuery()) {
				return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
			}
		});
	}

	/** False if another request created the bucket first. */
	boolean create(String id, byte[] state, long expiresAt) {
		try {
			return run("insert into rate_limit_buckets (id, state, expires_at) values (?, ?, ?)", statement -> {
				statement.setString(1, id);
				statement.setBytes(2, state);
				statement.setLong(3, expiresAt);
				return statement.executeUpdate() == 1;
			});
		}
		catch (DataAccessException e) {
			if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
				return false;
			}
			throw e;
		}
	}

	/** True if the bucket still had {@code expected} and now has {@code state}; else nothing changed. */
	boolean swap(String id, byte[] expected, byte[] state, long expiresAt) {
		return run("update rate_limit_buckets set state = ?, expires_at = ? where id = ? and state = ?", statement -> {
			statement.setBytes(1, state);
			statement.setLong(2, expiresAt);
			statement.setString(3, id);
			statement.setBytes(4, expected);
			return statement.executeUpdate() == 1;
		});
	}

	int deleteExpiredBefore(long now) {
		return run("delete from rate_limit_buckets where expires_at < ?", statement -> {
			statement.setLong(1, now);
			return statement.executeUpdate();
		});
	}

	void delete(String id) {
		run("delete from rate_limit_buckets where id = ?", statement -> {
			statement.setString(1, id);
			return statement.executeUpdate();
		});
	}

	private <T> T run(String sql, Statement<T> work) {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true); // whatever the pool's default: this statement commits on its own
			try (var statement = connection.prepareStatement(sql)) {
				return work.run(statement);
			}
		}
		catch (SQLException e) {
			var translated = translator.translate("rate limit bucket", sql, e);
			throw translated != null ? translated : new UncategorizedSQLException("rate limit bucket", sql, e);
		}
	}

	private interface Statement<T> {

		T run(PreparedStatement statement) throws SQLException;
	}
}

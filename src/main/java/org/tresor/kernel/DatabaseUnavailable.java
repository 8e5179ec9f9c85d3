package org.tresor.kernel;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a failure that means "the database cannot be reached right now" (server down, restarting,
 * connection pool exhausted), as opposed to a bug or bad data. Such requests answer 503 and can simply be
 * tried again: every write happens in one transaction that did not commit.
 */
public final class DatabaseUnavailable {

	/** SQLSTATE class 08: connection exception; 57P: the server is shutting down or starting up. */
	private static final String[] CONNECTION_STATES = { "08", "57P" };

	/** HikariCP's message for a connection that was closed because it broke. */
	private static final String CLOSED_CONNECTION = "Connection is closed";

	private DatabaseUnavailable() {
	}

	public static boolean isCauseOf(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException) {
				return true;
			}
			if (cause instanceof SQLException sql && isConnectionFailure(sql)) {
				return true;
			}
			for (var suppressed : cause.getSuppressed()) {
				if (isCauseOf(suppressed)) {
					return true;
				}
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private static boolean isConnectionFailure(SQLException sql) {
		// the pool's answer when the connection died under a transaction, e.g. on its rollback: no SQLSTATE
		if (sql.getSQLState() == null) {
			return CLOSED_CONNECTION.equals(sql.getMessage());
		}
		for (var state : CONNECTION_STATES) {
			if (sql.getSQLState().startsWith(state)) {
				return true;
			}
		}
		return false;
	}

	/** The innermost cause, for a log line without the stack trace of every retry. */
	public static String describe(Throwable failure) {
		var root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}
}

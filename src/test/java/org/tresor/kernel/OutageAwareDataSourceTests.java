package org.tresor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Deque;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.tresor.MutableClock;

class OutageAwareDataSourceTests {

	private final Pool pool = new Pool();

	private final MutableClock clock = new MutableClock();

	private final OutageAwareDataSource dataSource = new OutageAwareDataSource(pool, clock);

	@Test
	void onceThePoolCouldNotConnectEveryoneIsAnsweredAtOnceWithoutAskingThePool() throws Exception {
		pool.answers.add(unreachable());
		assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class);
		assertThat(pool.asked).isEqualTo(1);

		for (int i = 0; i < 100; i++) {
			assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class)
				.satisfies(failure -> assertThat(DatabaseUnavailable.isCauseOf(failure)).isTrue());
		}
		assertThat(pool.asked).isEqualTo(1);
	}

	@Test
	void afterTheProbeIntervalOneRequestTriesAgainAndFindsTheDatabaseBack() throws Exception {
		pool.answers.add(unreachable());
		assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class);

		clock.advance(OutageAwareDataSource.PROBE_INTERVAL);
		pool.answers.add(unreachable());
		assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class);
		assertThat(pool.asked).as("the probe went to the pool, and failed again").isEqualTo(2);
		assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class);
		assertThat(pool.asked).as("the next probe waits for the interval again").isEqualTo(2);

		clock.advance(OutageAwareDataSource.PROBE_INTERVAL);
		assertThat(dataSource.getConnection()).isNotNull();
		assertThat(dataSource.getConnection()).isNotNull();
		assertThat(pool.asked).as("back: every request goes to the pool").isEqualTo(4);
	}

	@Test
	void aBusyPoolIsNotAnOutage() throws Exception {
		pool.answers.add(new SQLTransientConnectionException("Connection is not available, request timed out"));
		assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class);

		assertThat(dataSource.getConnection()).isNotNull();
		assertThat(pool.asked).isEqualTo(2);
	}

	private static SQLException unreachable() {
		return new SQLTransientConnectionException("Connection is not available, request timed out", "08001",
				new ConnectException("Connection refused"));
	}

	/** Answers with the failures queued, then with connections. */
	private static final class Pool extends AbstractDataSource {

		final Deque<SQLException> answers = new ArrayDeque<>();

		int asked;

		@Override
		public Connection getConnection() throws SQLException {
			asked++;
			var failure = answers.poll();
			if (failure != null) {
				throw failure;
			}
			return mock(Connection.class);
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}
	}
}

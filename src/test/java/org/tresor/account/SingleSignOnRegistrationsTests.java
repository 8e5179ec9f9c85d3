package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tresor.MutableClock;

/**
 * A provider that is down or hangs is asked once, then left alone for a while: a burst of sign-ins must not each
 * hold a thread for the timeout. Counted by the connections a provider that never answers receives.
 */
class SingleSignOnRegistrationsTests {

	private final MutableClock clock = new MutableClock();

	private final List<Socket> held = new CopyOnWriteArrayList<>();

	private final AtomicInteger connections = new AtomicInteger();

	private ServerSocket hangingProvider;

	private SingleSignOnRegistrations registrations;

	@BeforeEach
	void providerThatNeverAnswers() throws IOException {
		hangingProvider = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		var acceptor = new Thread(() -> {
			while (!hangingProvider.isClosed()) {
				try {
					held.add(hangingProvider.accept());
					connections.incrementAndGet();
				}
				catch (IOException closed) {
					return;
				}
			}
		});
		acceptor.setDaemon(true);
		acceptor.start();
		var issuer = URI.create("http://127.0.0.1:" + hangingProvider.getLocalPort());
		registrations = new SingleSignOnRegistrations(new SingleSignOnProperties(issuer, "tresor", "secret", "email",
				"", "", "", false, "Login", Duration.ofMillis(200)), clock);
	}

	@AfterEach
	void close() throws IOException {
		hangingProvider.close();
		for (var socket : held) {
			socket.close();
		}
	}

	@Test
	void asksAProviderThatDidNotAnswerAgainOnlyAfterThePause() {
		assertThat(registrations.reachable()).isEmpty();
		for (int i = 0; i < 20; i++) {
			assertThat(registrations.reachable()).isEmpty();
			assertThat(registrations.findByRegistrationId(SingleSignOnRegistrations.ID)).isNull();
		}
		assertThat(connections.get()).as("connections during the pause").isEqualTo(1);

		clock.advance(SingleSignOnRegistrations.UNREACHABLE_PAUSE);
		assertThat(registrations.reachable()).isEmpty();
		assertThat(connections.get()).as("asked again after the pause").isEqualTo(2);
	}
}

package org.tresor.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TicketTests {

	private final Instant now = Instant.parse("2026-11-27T10:00:00Z");

	private final Ticket ticket = new Ticket("hash", UUID.randomUUID(), "client@example.org", now,
			now.plus(Duration.ofHours(24)));

	@Test
	void isUsableUntilItExpires() {
		assertThat(ticket.isUsableAt(now.plus(Duration.ofHours(23)))).isTrue();
		assertThat(ticket.isUsableAt(now.plus(Duration.ofHours(24)))).isFalse();
	}

	@Test
	void rejectsReusedTicket() {
		ticket.consume(now);
		assertThat(ticket.isUsableAt(now)).isFalse();
		assertThatThrownBy(() -> ticket.consume(now)).isInstanceOf(TicketNotUsableException.class);
	}

	@Test
	void rejectsExpiredTicket() {
		assertThatThrownBy(() -> ticket.consume(now.plus(Duration.ofDays(2))))
			.isInstanceOf(TicketNotUsableException.class);
	}
}

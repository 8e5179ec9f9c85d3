package org.tresor.submission;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tresor.kernel.LinkToken;

/**
 * The token of a ticket's link, made when its mail is written: the raw token never waits in the database
 * (not even in the event publication registry while SMTP is down), only its hash is stored on the ticket.
 */
@Service
public class TicketLinks {

	private final Tickets tickets;

	private final Clock clock;

	TicketLinks(Tickets tickets, Clock clock) {
		this.tickets = tickets;
		this.clock = clock;
	}

	/**
	 * A new token for the ticket, committed before it returns (so the mail carrying it never holds a link the
	 * database does not know); the ticket's earlier token stops working. Empty if the ticket is gone, used or
	 * expired: then no mail is due.
	 */
	@Transactional
	public Optional<LinkToken> freshToken(TicketId id) {
		return tickets.findById(id.value()).flatMap(ticket -> ticket.renew(clock.instant()));
	}
}

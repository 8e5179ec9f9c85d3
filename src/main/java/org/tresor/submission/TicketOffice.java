package org.tresor.submission;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tresor.kernel.LinkToken;
import org.tresor.account.EmailAddress;

/** Hands out tickets: a single-use, expiring link by mail to whoever asks for one. */
@Service
class TicketOffice {

	private static final Logger log = LoggerFactory.getLogger(TicketOffice.class);

	private final Tickets tickets;

	private final ApplicationEventPublisher events;

	private final SubmissionProperties properties;

	private final Clock clock;

	TicketOffice(Tickets tickets, ApplicationEventPublisher events, SubmissionProperties properties,
			Clock clock) {
		this.tickets = tickets;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Every well-formed address gets a ticket and the same answer, so the page tells nobody which addresses
	 * are known.
	 */
	@Transactional
	void issue(SubmitBox box, EmailAddress email, Locale locale) {
		var now = clock.instant();
		var expiresAt = now.plus(properties.ticketLifetime());
		// a token nobody learns: the mail gets a fresh one when it is written (TicketLinks)
		var ticket = tickets.save(new Ticket(LinkToken.random().hash(), box.id(), email.value(), now, expiresAt));
		events.publishEvent(new TicketIssued(new TicketId(ticket.id()), email.value(), box.name(), expiresAt,
				locale.toLanguageTag()));
		// neither the address nor the token: only that a ticket went out
		log.info("Ticket issued for box {}", box.slug());
	}

	/** The ticket behind a link, if it can still be used. */
	@Transactional(readOnly = true)
	Ticket usable(String token) {
		return find(token).filter(ticket -> ticket.isUsableAt(clock.instant()))
			.orElseThrow(TicketNotUsableException::new);
	}

	/**
	 * Uses up the ticket behind a link, in the caller's transaction. Of two requests racing for one ticket,
	 * the second fails on the version check when the transaction flushes.
	 */
	@Transactional
	void consume(String token) {
		var ticket = find(token).orElseThrow(TicketNotUsableException::new);
		ticket.consume(clock.instant());
		tickets.saveAndFlush(ticket);
	}

	private Optional<Ticket> find(String token) {
		return LinkToken.parse(token).flatMap(parsed -> tickets.findByTokenHash(parsed.hash()));
	}
}

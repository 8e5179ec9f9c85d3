package org.tresor.notification;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tresor.kernel.LinkToken;
import org.tresor.kernel.TresorProperties;
import org.tresor.account.Accounts;
import org.tresor.account.SetupLinkId;
import org.tresor.account.SetupLinkIssued;
import org.tresor.account.PasswordResetRequested;
import org.tresor.account.UserId;
import org.tresor.delivery.CompletionRequested;
import org.tresor.delivery.DeliveryDownloaded;
import org.tresor.delivery.DeliveryReady;
import org.tresor.delivery.RecipientInvited;
import org.tresor.submission.SubmissionReceived;
import org.tresor.submission.TicketIssued;
import org.tresor.submission.TicketLinks;

/**
 * Turns events into mails, after the publishing transaction committed, asynchronously and recorded in the
 * event publication registry (so a mail is retried while SMTP is down). A recipient address that is not
 * exactly one plain address is refused: logged, nothing sent, the publication completes. Events carry ids, never
 * a link's token: a mail with a link gets a fresh token when it is written, so none waits in the database.
 * The listeners that talk to SMTP run outside any transaction (what they read, they read in short ones of
 * their own), so no database connection waits for a slow or absent mail server; the registry records and
 * retries them all the same.
 */
@Component
class MailNotifications {

	private static final Logger log = LoggerFactory.getLogger(MailNotifications.class);

	private final Mailer mailer;

	private final Accounts accounts;

	private final TresorProperties tresor;

	private final ApplicationEventPublisher events;

	private final TicketLinks ticketLinks;

	MailNotifications(Mailer mailer, Accounts accounts, TresorProperties tresor, ApplicationEventPublisher events,
			TicketLinks ticketLinks) {
		this.mailer = mailer;
		this.accounts = accounts;
		this.tresor = tresor;
		this.events = events;
		this.ticketLinks = ticketLinks;
	}

	/**
	 * The link's token is made here, when the mail is written, and committed before the mail leaves (so this
	 * listener holds no transaction while it talks to SMTP); a retry makes a new one, and only the latest link
	 * works.
	 */
	@Async
	@TransactionalEventListener
	void on(TicketIssued event) {
		var locale = Mail.language(event.languageTag());
		withAddress(MailType.TICKET, event.email(), to -> ticketLinks.freshToken(event.ticket()).ifPresentOrElse(
				token -> mailer.send(new Mail(MailType.TICKET, to, locale, Map.of(
						"link", tresor.link("/submit/t/" + token.value()),
						"boxName", event.boxName(),
						"expiresAt", format(event.expiresAt(), locale)), List.of())),
				() -> log.info("Not sending {} mail: the ticket was used or expired", MailType.TICKET)));
	}

	/**
	 * Fans out: one publication per member, each sent and, if need be, retried on its own. In a transaction
	 * (no SMTP here), so the publications it makes are recorded when it commits.
	 */
	@ApplicationModuleListener
	void notifyMembers(SubmissionReceived event) {
		event.members().forEach(member -> events.publishEvent(new MemberToNotify(event, member)));
	}

	@Async
	@TransactionalEventListener
	void notifyMember(MemberToNotify notification) {
		var event = notification.submission();
		toUser(notification.member(), MailType.NEW_SUBMISSION, locale -> Map.of(
				"link", tresor.link("/inbox/" + event.id().value()),
				"boxName", event.boxName(),
				"reference", event.reference(),
				"senderEmail", event.senderEmail(),
				"receivedAt", format(event.receivedAt(), locale)), List.of(event.boxName()));
	}

	@Async
	@TransactionalEventListener
	void sendReceipt(SubmissionReceived event) {
		var locale = Mail.language(event.senderLanguageTag());
		send(MailType.SUBMISSION_RECEIPT, event.senderEmail(), locale, Map.of(
				"boxName", event.boxName(),
				"reference", event.reference(),
				"receivedAt", format(event.receivedAt(), locale)), List.of(event.reference()));
	}

	/** Like the ticket mail: the set-up link's token is made when the mail is written. */
	@Async
	@TransactionalEventListener
	void on(SetupLinkIssued event) {
		var locale = Mail.language(event.languageTag());
		withSetupToken(MailType.SETUP_LINK, event.email(), event.link(), (to, token) -> mailer.send(
				new Mail(MailType.SETUP_LINK, to, locale, Map.of(
						"link", tresor.link("/account/setup/" + token.value()),
						"expiresAt", format(event.expiresAt(), locale)), List.of())));
	}

	/** Like the ticket mail: the reset link's token is made when the mail is written. */
	@Async
	@TransactionalEventListener
	void on(PasswordResetRequested event) {
		var locale = Mail.language(event.languageTag());
		withSetupToken(MailType.PASSWORD_RESET, event.email(), event.link(), (to, token) -> mailer.send(
				new Mail(MailType.PASSWORD_RESET, to, locale, Map.of(
						"link", tresor.link("/password-reset/" + token.value()),
						"expiresAt", format(event.expiresAt(), locale)), List.of())));
	}

	/** Like the ticket mail: the set-up link's token is made when the mail is written. */
	@Async
	@TransactionalEventListener
	void on(RecipientInvited event) {
		var locale = Mail.language(event.languageTag());
		withSetupToken(MailType.DELIVERY_INVITATION, event.recipientEmail(), event.setupLink(), (to, token) -> mailer
			.send(new Mail(MailType.DELIVERY_INVITATION, to, locale, Map.of(
					"link", tresor.link("/account/setup/" + token.value()),
					"senderEmail", event.senderEmail(),
					"linkExpiresAt", format(event.setupLinkExpiresAt(), locale),
					"deliveryExpiresAt", format(event.deliveryExpiresAt(), locale)), List.of(event.senderEmail()))));
	}

	/** A fresh token for a set-up link that can still be used; none for one replaced, used or expired. */
	private void withSetupToken(MailType type, String address, SetupLinkId link, BiConsumer<Recipient, LinkToken> mail) {
		withAddress(type, address, to -> accounts.freshSetupToken(link).ifPresentOrElse(token -> mail.accept(to, token),
				() -> log.info("Not sending {} mail: the set-up link was replaced, used or expired", type)));
	}

	@Async
	@TransactionalEventListener
	void on(DeliveryReady event) {
		toUser(event.recipient(), MailType.DELIVERY_READY, locale -> Map.of(
				"link", tresor.link(event.path()),
				"senderEmail", event.senderEmail(),
				"count", event.count()), List.of(event.senderEmail()));
	}

	@Async
	@TransactionalEventListener
	void on(CompletionRequested event) {
		toUser(event.sender(), MailType.COMPLETION_REQUESTED, locale -> Map.of(
				"link", tresor.link("/outbox/complete"),
				"recipientEmail", event.recipientEmail(),
				"count", event.count()), List.of(event.recipientEmail()));
	}

	@Async
	@TransactionalEventListener
	void on(DeliveryDownloaded event) {
		if (!event.first()) {
			return;
		}
		toUser(event.sender(), MailType.DELIVERY_DOWNLOADED, locale -> Map.of(
				"link", tresor.link("/outbox/" + event.id().value()),
				"recipientEmail", event.recipientEmail(),
				"reference", event.reference(),
				"downloadedAt", format(event.downloadedAt(), locale)), List.of(event.recipientEmail()));
	}

	/** A mail to a user in the user's language; a user deleted in the meantime gets none. */
	private void toUser(UserId user, MailType type, Function<Locale, Map<String, Object>> variables,
			List<Object> subjectArguments) {
		accounts.find(user).ifPresentOrElse(summary -> {
			var locale = Mail.language(summary.languageTag());
			send(type, summary.email(), locale, variables.apply(locale), subjectArguments);
		}, () -> log.warn("Not sending {} mail: no user {}", type, user.value()));
	}

	private void send(MailType type, String address, Locale locale, Map<String, Object> variables,
			List<Object> subjectArguments) {
		withAddress(type, address, to -> mailer.send(new Mail(type, to, locale, variables, subjectArguments)));
	}

	private void withAddress(MailType type, String address, Consumer<Recipient> mail) {
		Recipient.parse(address).ifPresentOrElse(mail,
				() -> log.warn("Refusing to send {} mail: the recipient is not a single plain address", type));
	}

	private String format(Instant instant, Locale locale) {
		return formatter(locale).format(instant);
	}

	private DateTimeFormatter formatter(Locale locale) {
		return new DateTimeFormatterBuilder()
				.appendLocalized(FormatStyle.MEDIUM, FormatStyle.SHORT)
				.appendLiteral(' ')
				.appendZoneText(TextStyle.SHORT)
				.toFormatter(locale)
				.withZone(tresor.timeZone());
	}
}

package org.tresor.notification;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tresor.kernel.TresorProperties;
import org.tresor.account.Accounts;
import org.tresor.account.SetupLinkIssued;
import org.tresor.account.UserId;
import org.tresor.delivery.CompletionRequested;
import org.tresor.delivery.DeliveryDownloaded;
import org.tresor.delivery.DeliveryReady;
import org.tresor.delivery.RecipientInvited;
import org.tresor.submission.SubmissionReceived;
import org.tresor.submission.TicketIssued;

/**
 * Turns events into mails, after the publishing transaction committed, asynchronously and recorded in the
 * event publication registry (so a mail is retried while SMTP is down). A recipient address that is not
 * exactly one plain address is refused: logged, nothing sent, the publication completes.
 */
@Component
class MailNotifications {

	private static final Logger log = LoggerFactory.getLogger(MailNotifications.class);

	private final Mailer mailer;

	private final Accounts accounts;

	private final TresorProperties tresor;

	private final ApplicationEventPublisher events;

	MailNotifications(Mailer mailer, Accounts accounts, TresorProperties tresor, ApplicationEventPublisher events) {
		this.mailer = mailer;
		this.accounts = accounts;
		this.tresor = tresor;
		this.events = events;
	}

	@ApplicationModuleListener
	void on(TicketIssued event) {
		var locale = Mail.language(event.languageTag());
		send(MailType.TICKET, event.email(), locale, Map.of(
				"link", tresor.link("/submit/t/" + event.token()),
				"boxName", event.boxName(),
				"expiresAt", format(event.expiresAt(), locale)), List.of());
	}

	/** Fans out: one publication per member, each sent and, if need be, retried on its own. */
	@ApplicationModuleListener
	void notifyMembers(SubmissionReceived event) {
		event.members().forEach(member -> events.publishEvent(new MemberToNotify(event, member)));
	}

	@ApplicationModuleListener
	void notifyMember(MemberToNotify notification) {
		var event = notification.submission();
		toUser(notification.member(), MailType.NEW_SUBMISSION, locale -> Map.of(
				"link", tresor.link("/inbox/" + event.id().value()),
				"boxName", event.boxName(),
				"reference", event.reference(),
				"senderEmail", event.senderEmail(),
				"receivedAt", format(event.receivedAt(), locale)), List.of(event.boxName()));
	}

	@ApplicationModuleListener
	void sendReceipt(SubmissionReceived event) {
		var locale = Mail.language(event.senderLanguageTag());
		send(MailType.SUBMISSION_RECEIPT, event.senderEmail(), locale, Map.of(
				"boxName", event.boxName(),
				"reference", event.reference(),
				"receivedAt", format(event.receivedAt(), locale)), List.of(event.reference()));
	}

	@ApplicationModuleListener
	void on(SetupLinkIssued event) {
		var locale = Mail.language(event.languageTag());
		send(MailType.SETUP_LINK, event.email(), locale, Map.of(
				"link", tresor.link("/account/setup/" + event.token()),
				"expiresAt", format(event.expiresAt(), locale)), List.of());
	}

	@ApplicationModuleListener
	void on(RecipientInvited event) {
		var locale = Mail.language(event.languageTag());
		send(MailType.DELIVERY_INVITATION, event.recipientEmail(), locale, Map.of(
				"link", tresor.link("/account/setup/" + event.setupToken()),
				"senderEmail", event.senderEmail(),
				"linkExpiresAt", format(event.setupLinkExpiresAt(), locale),
				"deliveryExpiresAt", format(event.deliveryExpiresAt(), locale)), List.of(event.senderEmail()));
	}

	@ApplicationModuleListener
	void on(DeliveryReady event) {
		toUser(event.recipient(), MailType.DELIVERY_READY, locale -> Map.of(
				"link", tresor.link(event.path()),
				"senderEmail", event.senderEmail(),
				"count", event.count()), List.of(event.senderEmail()));
	}

	@ApplicationModuleListener
	void on(CompletionRequested event) {
		toUser(event.sender(), MailType.COMPLETION_REQUESTED, locale -> Map.of(
				"link", tresor.link("/outbox/complete"),
				"recipientEmail", event.recipientEmail(),
				"count", event.count()), List.of(event.recipientEmail()));
	}

	@ApplicationModuleListener
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
		Recipient.parse(address).ifPresentOrElse(
				to -> mailer.send(new Mail(type, to, locale, variables, subjectArguments)),
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

package org.tresor.notification.dev;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tresor.web.DisplayFormats;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.Flags;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads what the embedded SMTP server received, and keeps only the newest {@code tresor.dev.mailbox-capacity} mails:
 * the server holds every mail in the heap.
 */
@Component
@ConditionalOnBooleanProperty("tresor.dev.mailbox")
class DevMailbox {

	private final GreenMail server;

	private final DisplayFormats formats;

	private final int capacity;

	DevMailbox(GreenMail server, DisplayFormats formats, DevProperties properties) {
		this.server = server;
		this.formats = formats;
		this.capacity = properties.mailboxCapacity();
	}

	@Scheduled(fixedDelay = 10_000, initialDelay = 10_000)
	void forgetBeyondCapacity() throws FolderException {
		forgetAllButNewest(capacity);
	}

	/** Deletes every mail but the newest {@code kept}, in all recipients' folders; returns how many went. */
	int forgetAllButNewest(int kept) throws FolderException {
		record Held(MailFolder folder, StoredMessage message) {
		}
		var held = new ArrayList<Held>();
		for (var folder : server.getManagers().getImapHostManager().getStore().listMailboxes("*")) {
			folder.getMessages().forEach(message -> held.add(new Held(folder, message)));
		}
		if (held.size() <= kept) {
			return 0;
		}
		// within a folder, a higher uid arrived later, whatever the clock says
		held.sort(Comparator.comparing((Held mail) -> mail.message().getReceivedDate())
			.thenComparingLong(mail -> mail.message().getUid())
			.reversed());
		var forgotten = held.subList(kept, held.size());
		var deleted = new Flags(Flags.Flag.DELETED);
		var folders = new LinkedHashSet<MailFolder>();
		for (var mail : forgotten) {
			mail.folder().setFlags(deleted, true, mail.message().getUid(), null, false);
			folders.add(mail.folder());
		}
		for (var folder : folders) {
			folder.expunge();
		}
		return forgotten.size();
	}

	/** Every received mail, newest first, with times in the request's language like every other page. */
	List<ReceivedMail> newestFirst() {
		var received = server.getReceivedMessages();
		var mails = new ArrayList<ReceivedMail>(received.length);
		for (var i = received.length - 1; i >= 0; i--) {
			mails.add(read(received[i]));
		}
		return mails;
	}

	private ReceivedMail read(MimeMessage message) {
		try {
			var sent = Objects.requireNonNullElse(message.getSentDate(), message.getReceivedDate());
			var to = message.getRecipients(RecipientType.TO);
			return new ReceivedMail(sent == null ? "" : formats.dateTime(sent.toInstant()),
					to == null ? "" : InternetAddress.toUnicodeString(to),
					Objects.requireNonNullElse(message.getSubject(), ""),
					TextSegment.of(Objects.requireNonNullElse(plainText(message), "")));
		}
		catch (MessagingException | IOException unreadable) {
			return new ReceivedMail("", "", "", List.of(new TextSegment(unreadable.toString(), false)));
		}
	}

	/** The first text/plain part (the mails Tresor sends are multipart/alternative with text first). */
	private static String plainText(Part part) throws MessagingException, IOException {
		if (part.isMimeType("text/plain")) {
			return part.getContent().toString();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (var i = 0; i < multipart.getCount(); i++) {
				var text = plainText(multipart.getBodyPart(i));
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}
}

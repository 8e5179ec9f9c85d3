package org.tresor.notification.dev;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.tresor.web.DisplayFormats;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Reads what the embedded SMTP server received. */
@Component
@ConditionalOnBooleanProperty("tresor.dev.mailbox")
class DevMailbox {

	private final GreenMail server;

	private final DisplayFormats formats;

	DevMailbox(GreenMail server, DisplayFormats formats) {
		this.server = server;
		this.formats = formats;
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

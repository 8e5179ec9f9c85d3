package org.tresor.notification;

import java.util.Date;

import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Sends a {@link Mail} as multipart/alternative (text, then HTML). A failure to reach the SMTP server
 * propagates, so the event publication stays incomplete and is retried. Logs only the type and a masked
 * recipient: never a link, token or content.
 */
@Component
class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private final JavaMailSender sender;

	private final MailTemplates templates;

	private final MailProperties properties;

	private final MeterRegistry meters;

	Mailer(JavaMailSender sender, MailTemplates templates, MailProperties properties, MeterRegistry meters) {
		this.sender = sender;
		this.templates = templates;
		this.properties = properties;
		this.meters = meters;
	}

	void send(Mail mail) {
		var rendered = templates.render(mail);
		try {
			sender.send(message(mail, rendered));
		}
		catch (MailException e) {
			meters.counter("tresor.mail.failures", "type", mail.type().name()).increment();
			log.warn("Could not send {} mail to {}, it will be retried: {}", mail.type(), mail.to().masked(),
					e.getClass().getSimpleName());
			throw e;
		}
		log.info("Sent {} mail to {}", mail.type(), mail.to().masked());
	}

	private MimeMessage message(Mail mail, MailTemplates.Rendered rendered) {
		try {
			var message = sender.createMimeMessage();
			message.setFrom(new InternetAddress(properties.from(), true));
			message.setRecipient(RecipientType.TO, mail.to().address());
			message.setSubject(rendered.subject(), "UTF-8");
			message.setSentDate(new Date());
			message.setHeader("Content-Language", mail.locale().toLanguageTag());
			message.setHeader("Auto-Submitted", "auto-generated");
			var text = new MimeBodyPart();
			text.setText(rendered.text(), "UTF-8", "plain");
			var html = new MimeBodyPart();
			html.setText(rendered.html(), "UTF-8", "html");
			var alternatives = new MimeMultipart("alternative", text, html);
			message.setContent(alternatives);
			return message;
		}
		catch (MessagingException ex) {
			throw new MailPreparationException("Could not compose " + mail.type() + " mail", ex);
		}
	}
}

package org.tresor;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server for the tests, and ways to read what arrived. */
public final class TestMailServer {

	private static final TestMailServer SHARED = new TestMailServer(freePort());

	private final int port;

	private volatile GreenMail greenMail;

	/** A server on {@code port} that is not running yet: {@link #start()} it. */
	public TestMailServer(int port) {
		this.port = port;
	}

	public static TestMailServer shared() {
		SHARED.ensureStarted();
		return SHARED;
	}

	/** Starts the server, on the same port as before if it was stopped: the application's settings stay right. */
	public synchronized void start() {
		if (greenMail != null) {
			return;
		}
		var server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		greenMail = server;
	}

	/** Stops the server: connections to its port are refused until {@link #start()}; mails received so far are gone. */
	public synchronized void stop() {
		if (greenMail != null) {
			greenMail.stop();
			greenMail = null;
		}
	}

	private synchronized void ensureStarted() {
		if (greenMail == null) {
			start();
		}
	}

	public String port() {
		return String.valueOf(port);
	}

	public GreenMail greenMail() {
		return greenMail;
	}

	/** A port nothing listens on right now. */
	public static int freePort() {
		try (var socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** Waits for the first mail to {@code recipient} whose subject or text contains {@code fragment}. */
	public MimeMessage await(String recipient, String fragment) {
		var deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			var found = find(recipient, fragment);
			if (found.isPresent()) {
				return found.get();
			}
			sleep();
		}
		throw new AssertionError("No mail to " + recipient + " containing '" + fragment + "'");
	}

	/** Waits until {@code count} mails to {@code recipient} arrived, and returns them. */
	public List<MimeMessage> awaitAll(String recipient, int count) {
		var deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			var arrived = to(recipient);
			if (arrived.size() >= count) {
				return arrived;
			}
			sleep();
		}
		throw new AssertionError("Fewer than " + count + " mails to " + recipient);
	}

	public List<MimeMessage> to(String recipient) {
		var server = greenMail;
		if (server == null) {
			return List.of();
		}
		return Arrays.stream(server.getReceivedMessages()).filter(message -> {
			try {
				return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
			}
			catch (Exception e) {
				return false;
			}
		}).toList();
	}

	private Optional<MimeMessage> find(String recipient, String fragment) {
		return to(recipient).stream().filter(message -> {
			try {
				return message.getSubject().contains(fragment) || text(message).contains(fragment);
			}
			catch (Exception e) {
				return false;
			}
		}).findFirst();
	}

	/** The decoded text/plain part of a mail. */
	public static String text(MimeMessage message) {
		try {
			return textOf(message);
		}
		catch (Exception e) {
			throw new AssertionError("Cannot read mail", e);
		}
	}

	/** The first link in the mail's text that starts with {@code prefix}. */
	public static String link(MimeMessage message, String prefix) {
		var matcher = Pattern.compile(Pattern.quote(prefix) + "[^\\s<>\"]*").matcher(text(message));
		if (!matcher.find()) {
			throw new AssertionError("No link starting with " + prefix + " in:\n" + text(message));
		}
		return matcher.group();
	}

	private static String textOf(Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				var text = textOf(body);
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}
}

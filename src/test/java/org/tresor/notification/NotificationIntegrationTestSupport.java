package org.tresor.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.account.Accounts;
import org.tresor.submission.TicketLinks;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;

import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;

/**
 * The one full context of the notification and audit tests: embedded default (dev mailbox on, SMTP on a
 * free port), a fresh data directory, {@code https://tresor.example.org} as public base URL, and
 * {@link Accounts} and the link tokens ({@link TicketLinks}, and the set-up links' through {@link Accounts}) replaced by mocks. Extend it so every test class reuses the same context.
 */
@SpringBootTest(properties = {
		"tresor.public-base-url=" + NotificationIntegrationTestSupport.BASE_URL,
		"tresor.dev.mailbox=true",
		"tresor.dev.smtp-port=0",
		"tresor.mail.from=tresor@example.org" })
@AutoConfigureMockMvc
public abstract class NotificationIntegrationTestSupport {

	protected static final String BASE_URL = "https://tresor.example.org";

	private static final Path DATA_DIRECTORY = temporaryDirectory();

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("tresor.data-directory", DATA_DIRECTORY::toString);
	}

	@MockitoBean
	protected Accounts accounts;

	/** The tokens of ticket links, as the mails get them (each test says which). */
	@MockitoBean
	protected TicketLinks ticketLinks;

	@Autowired
	protected GreenMail mailServer;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	protected JdbcTemplate jdbc;

	@BeforeEach
	void emptyMailbox() throws FolderException {
		mailServer.purgeEmailFromAllMailboxes();
	}

	/** Lets no mail of one test arrive in the next. */
	@AfterEach
	void awaitAllPublicationsCompleted() {
		await().atMost(Duration.ofSeconds(10)).until(
				() -> jdbc.queryForObject("select count(*) from event_publication", Long.class), count -> count == 0);
	}

	/** Publishes {@code event} in a transaction that commits, as the modules do. */
	protected void publish(Object event) {
		transactions.executeWithoutResult(status -> events.publishEvent(event));
	}

	/** Waits until {@code address} received {@code count} mails, and returns them. */
	protected List<MimeMessage> awaitMails(String address, int count) {
		return await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(address), mails -> mails.size() >= count);
	}

	protected List<MimeMessage> mailsTo(String address) {
		return mailServer.findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(address), message -> true)
				.toList();
	}

	/** Waits until every listener of the publications whose event mentions {@code marker} completed. */
	protected void awaitPublicationsCompleted(String marker) {
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
				"select count(*) from event_publication where serialized_event like ?", Long.class,
				"%" + marker + "%"), count -> count == 0);
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("tresor-notification-it");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}

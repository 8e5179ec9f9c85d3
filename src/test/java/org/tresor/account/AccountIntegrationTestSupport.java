package org.tresor.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.FileSystemUtils;
import org.tresor.TestMailServer;
import org.tresor.TestPendingDeliveries;
import org.tresor.crypto.Keys;
import org.tresor.crypto.SecuPass;

/**
 * One application context for all of the account module's integration tests: a throw-away data directory
 * (H2 database included), no dev mailbox, mail to the shared test SMTP server, real OpenPGP keys. Tests use
 * unique e-mail addresses, so they do not see each other's users.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestPendingDeliveries.class)
abstract class AccountIntegrationTestSupport {

	static final String PASSWORD = "correct horse battery";

	static final String SECUPASS = "Tresor-Schl0ssel!";

	/** Pages and mails of this context carry an organisation's own name and logo. */
	static final String ORGANISATION = "Kanzlei Beispiel & Partner";

	static final String LOGO = "https://static.example.org/brand/logo.svg";

	/** The address of this context's default submit box. */
	static final String DEFAULT_BOX = "anfragen";

	private static final Path DATA_DIRECTORY = createDataDirectory();

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	SetupLinks links;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Keys keys;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("tresor.data-directory", DATA_DIRECTORY::toString);
		registry.add("tresor.dev.mailbox", () -> "false");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", TestMailServer.shared()::port);
		registry.add("tresor.organisation.name", () -> ORGANISATION);
		registry.add("tresor.organisation.logo-url", () -> LOGO);
		// not the built-in "info": nothing may assume the default box's address
		registry.add("tresor.submission.default-box-slug", () -> DEFAULT_BOX);
	}

	static String uniqueEmail(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	/** An account that finished set-up, with {@link #PASSWORD} and {@link #SECUPASS}. */
	User activeUser(String email, Role... roles) {
		var user = User.invited(EmailAddress.of(email), Set.copyOf(EnumSet.of(roles[0], roles)), "de", Instant.now());
		try (var secuPass = SecuPass.of(SECUPASS)) {
			user.activate(passwords.encode(PASSWORD), keys.generate(email, secuPass), Instant.now());
		}
		return users.save(user);
	}

	static RequestPostProcessor signedIn(User user) {
		return user(AccountUser.of(user));
	}

	private static Path createDataDirectory() {
		try {
			var directory = Files.createTempDirectory("tresor-account-it-");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					FileSystemUtils.deleteRecursively(directory);
				}
				catch (IOException e) {
					// a temporary directory: the system cleans up eventually
				}
			}));
			return directory;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

package org.tresor.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tresor.TestMailServer;
import org.tresor.account.TestIdentityProvider.Person;
import org.tresor.crypto.SecuPass;
import org.tresor.kernel.LinkToken;

/**
 * One application for the browser tests whose browser must reach Tresor at its public base URL (passkeys are bound
 * to that origin, single sign-on comes back to it): a port chosen before it starts, a data directory of its own,
 * and single sign-on with the {@link TestIdentityProvider} (which the tests that need it start; until then nothing
 * asks for it). Sharing these settings, the test classes share the application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class OwnOriginIntegrationTest {

	static final int PORT = TestMailServer.freePort(), PROVIDER_PORT = TestMailServer.freePort();

	static final String ORIGIN = "http://localhost:" + PORT;

	static final String PASSWORD = "staff password 1234";

	static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	static final TestMailServer MAIL = TestMailServer.shared();

	static final Person ANNA = new Person("anna", "anna-at-the-provider", "anna-" + RUN + "@example.org", true,
			List.of("staff"));

	static final Person UWE = new Person("uwe", "uwe-at-the-provider", "uwe-" + RUN + "@example.org", false,
			List.of("staff"));

	static final Person NORA = new Person("nora", "nora-at-the-provider", "nora-" + RUN + "@example.org", true,
			List.of("staff"));

	static final Person ERIK = new Person("erik", "erik-at-the-provider", "erik-" + RUN + "@example.org", true,
			List.of("staff"));

	static final Person OTTO = new Person("otto", "otto-at-the-provider", "otto-" + RUN + "@example.org", true,
			List.of("accounting"));

	static final Person ALEX = new Person("alex", "alex-at-the-provider", "alex-" + RUN + "@example.org", true,
			List.of("staff", "tresor-admins"));

	static final Person BERT = new Person("bert", "bert-at-the-provider", "bert-" + RUN + "@example.org", true,
			List.of("staff"));

	static final TestIdentityProvider.Settings PROVIDER = new TestIdentityProvider.Settings(PROVIDER_PORT,
			ORIGIN + "/login/oauth2/code/sso", ORIGIN + "/login?logout", List.of(ANNA, UWE, NORA, ERIK, OTTO, ALEX, BERT));

	private static final Path OWN_DATA_DIRECTORY = ownDataDirectory();

	@Autowired
	ApplicationContext context;

	@Autowired
	Users users;

	@DynamicPropertySource
	static void ownOriginAndProvider(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("tresor.public-base-url", () -> ORIGIN);
		registry.add("tresor.data-directory", OWN_DATA_DIRECTORY::toString);
		registry.add("tresor.dev.mailbox", () -> "false");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", MAIL::port);
		registry.add("tresor.account.sso.issuer-uri", PROVIDER::issuer);
		registry.add("tresor.account.sso.client-id", () -> TestIdentityProvider.CLIENT_ID);
		registry.add("tresor.account.sso.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
		registry.add("tresor.account.sso.groups-claim", () -> "groups");
		registry.add("tresor.account.sso.staff-group", () -> "staff");
		registry.add("tresor.account.sso.admin-group", () -> "tresor-admins");
		registry.add("tresor.account.sso.display-name", () -> "Kanzlei-Login");
		registry.add("tresor.account.sso.timeout", () -> "2s");
		registry.add("tresor.account.sso.create-accounts", () -> "true");
	}

	static String url(String path) {
		return ORIGIN + path;
	}

	/** A staff member invited and set up through the services; their password is {@link #PASSWORD}. */
	String staffMember(String email) {
		context.getBean(Invitations.class).inviteStaff(EmailAddress.of(email), "en");
		var link = TestMailServer.link(MAIL.await(email, "/account/setup/"), ORIGIN + "/account/setup/");
		var token = LinkToken.parse(link.substring(link.lastIndexOf('/') + 1)).orElseThrow();
		try (var secuPass = SecuPass.of("Staff-SecuPass-42!")) {
			context.getBean(Activations.class).activate(token, PASSWORD, secuPass);
		}
		return email;
	}

	private static Path ownDataDirectory() {
		try {
			return Files.createTempDirectory("tresor-own-origin-it-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

package org.tresor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tresor.crypto.Keys;

/**
 * One application with small rate limits and lockouts (the other test contexts have them out of reach), for
 * the tests of the limits. The reverse proxy at 127.0.0.1 is trusted, so a test can act as many clients through
 * {@code X-Forwarded-For}; MockMvc requests can also come straight from any address ({@link #from}). Each test
 * uses addresses and accounts of its own ({@link #someAddress()}): the buckets outlive a test. The password
 * encoder and the keys are spied on, to show what is (not) checked.
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = { "tresor.trusted-proxies=127.0.0.1",
		"tresor.rate-limit.ticket-requests-per-address.attempts=" + RateLimitedIntegrationTest.TICKETS_PER_ADDRESS,
		"tresor.rate-limit.ticket-requests-per-email.attempts=" + RateLimitedIntegrationTest.TICKETS_PER_EMAIL,
		"tresor.rate-limit.logins-per-address.attempts=" + RateLimitedIntegrationTest.LOGINS_PER_ADDRESS,
		"tresor.rate-limit.logins-per-email.attempts=" + RateLimitedIntegrationTest.LOGINS_PER_EMAIL,
		"tresor.rate-limit.setups-per-address.attempts=" + RateLimitedIntegrationTest.SETUPS_PER_ADDRESS,
		"tresor.rate-limit.secu-pass-entries-per-address.attempts=" + RateLimitedIntegrationTest.SECUPASS_ENTRIES_PER_ADDRESS,
		"tresor.rate-limit.wrong-passwords-per-account.attempts=" + RateLimitedIntegrationTest.WRONG_PASSWORDS_PER_ACCOUNT,
		"tresor.rate-limit.wrong-passwords-per-address.attempts=" + RateLimitedIntegrationTest.WRONG_PASSWORDS_PER_ADDRESS,
		"tresor.rate-limit.wrong-secu-passes-per-account.attempts=" + RateLimitedIntegrationTest.WRONG_SECUPASSES_PER_ACCOUNT,
		"tresor.rate-limit.wrong-secu-passes-per-address.attempts=" + RateLimitedIntegrationTest.WRONG_SECUPASSES_PER_ADDRESS,
		"tresor.rate-limit.password-resets-per-address.attempts=" + RateLimitedIntegrationTest.PASSWORD_RESETS_PER_ADDRESS,
		"tresor.rate-limit.password-resets-per-email.attempts=" + RateLimitedIntegrationTest.PASSWORD_RESETS_PER_EMAIL })
public abstract class RateLimitedIntegrationTest extends TresorIntegrationTest {

	/** Every allowance is per hour: one attempt comes back every hour divided by the attempts. */
	public static final int TICKETS_PER_ADDRESS = 3, TICKETS_PER_EMAIL = 2, LOGINS_PER_ADDRESS = 6,
			LOGINS_PER_EMAIL = 5, SETUPS_PER_ADDRESS = 2, SECUPASS_ENTRIES_PER_ADDRESS = 6,
			WRONG_PASSWORDS_PER_ACCOUNT = 3, WRONG_PASSWORDS_PER_ADDRESS = 4, WRONG_SECUPASSES_PER_ACCOUNT = 3,
			WRONG_SECUPASSES_PER_ADDRESS = 4, PASSWORD_RESETS_PER_ADDRESS = 3, PASSWORD_RESETS_PER_EMAIL = 2;

	/** A database and blobs of its own: the shared application's administrator and buckets are not this one's. */
	private static final Path OWN_DATA_DIRECTORY = ownDataDirectory();

	@Autowired
	protected MockMvc mvc;

	@MockitoSpyBean
	protected PasswordEncoder passwordEncoder;

	@MockitoSpyBean
	protected Keys keys;

	/** The database and blob settings themselves: {@link TresorIntegrationTest}'s data directory would win. */
	@DynamicPropertySource
	static void ownDataDirectory(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url",
				() -> "jdbc:h2:file:" + OWN_DATA_DIRECTORY.resolve("db/tresor") + ";DB_CLOSE_ON_EXIT=FALSE");
		registry.add("tresor.storage.directory", () -> OWN_DATA_DIRECTORY.resolve("blobs").toString());
	}

	private static Path ownDataDirectory() {
		try {
			return Files.createTempDirectory("tresor-rate-limited-it-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A client address no other test uses (IPv6 documentation range). */
	protected static String someAddress() {
		var random = ThreadLocalRandom.current();
		return "2001:db8:" + Integer.toHexString(random.nextInt(0x10000)) + ":" + Integer.toHexString(random.nextInt(0x10000))
				+ "::" + Integer.toHexString(random.nextInt(1, 0x10000));
	}

	/**
	 * {@code Retry-After} is {@code seconds}, or a little less: the application's clock runs on while a test
	 * works, and the bucket refills all the while.
	 */
	protected static ResultMatcher retryAfterAbout(long seconds) {
		return result -> assertThat(Long.parseLong(result.getResponse().getHeader("Retry-After")))
			.isBetween(seconds - 30, seconds);
	}

	/** The request comes straight from {@code address}, no proxy between. */
	protected static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}
}

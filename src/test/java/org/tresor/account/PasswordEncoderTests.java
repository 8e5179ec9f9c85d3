package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The password hashes: Argon2id at OWASP's minimum or above, and no hashing of absurdly long passwords. */
class PasswordEncoderTests {

	final PasswordHashingThreads hashing = new PasswordHashingThreads(2);

	final PasswordEncoder encoder = new SecurityConfiguration()
		.passwordEncoder(new AccountProperties(Duration.ofDays(1), Duration.ofDays(7), Duration.ofHours(1), 2, 32, ""), hashing);

	@AfterEach
	void stopHashing() {
		hashing.close();
	}

	@Test
	void hashesWithArgon2idOver19MiBTwoPassesOneLane() {
		assertThat(encoder.encode("correct horse battery")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
	}

	@Test
	void stillVerifiesHashesMadeWithTheEarlier16MiB() {
		var earlier = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("correct horse battery");
		assertThat(earlier).startsWith("$argon2id$v=19$m=16384,t=2,p=1$");
		assertThat(encoder.matches("correct horse battery", earlier)).isTrue();
		assertThat(encoder.matches("wrong horse battery", earlier)).isFalse();
	}

	@Test
	void acceptsPasswordsUpTo1024Characters() {
		var password = "x".repeat(1024);
		assertThat(encoder.matches(password, encoder.encode(password))).isTrue();
		var sentence = "a long passphrase, ".repeat(4);
		assertThat(encoder.matches(sentence, encoder.encode(sentence))).isTrue();
	}

	@Test
	void refusesLongerPasswordsWithoutHashingThem() {
		var hashed = new ArrayList<CharSequence>();
		var limited = new LengthLimitedPasswordEncoder(recording(hashed));
		assertThat(limited.matches("x".repeat(1025), "$argon2id$...")).isFalse();
		assertThatThrownBy(() -> limited.encode("x".repeat(1025))).isInstanceOf(IllegalArgumentException.class);
		assertThat(hashed).isEmpty();
		limited.matches("x".repeat(1024), "$argon2id$...");
		assertThat(hashed).hasSize(1);
	}

	private static PasswordEncoder recording(List<CharSequence> hashed) {
		return new PasswordEncoder() {

			@Override
			public String encode(CharSequence raw) {
				hashed.add(raw);
				return "hash";
			}

			@Override
			public boolean matches(CharSequence raw, String encoded) {
				hashed.add(raw);
				return false;
			}
		};
	}
}

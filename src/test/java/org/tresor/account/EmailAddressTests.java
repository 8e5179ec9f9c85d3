package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTests {

	@Test
	void isTrimmedAndLowerCase() {
		assertThat(EmailAddress.of("  Anna.Berg@Example.ORG ").value()).isEqualTo("anna.berg@example.org");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a@b.de", "anna+tresor@example.org", "admin@localhost", "x_y-z@sub.domain-name.example" })
	void acceptsCommonAddresses(String address) {
		assertThat(EmailAddress.isValid(address)).isTrue();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "anna", "anna@", "@example.org", "anna@@example.org", "anna@example.org\r\nBcc: x@y.z",
			"anna@example.org\n", "a@b.de, c@d.de", "an na@example.org", "anna.@example.org", ".anna@example.org",
			"anna@-example.org", "anna@example..org", "\"anna\"@example.org", "müller@beispiel.de",
			"\"anna,bob\"@example.org", "anna@example.org;bob@example.org", "Anna <anna@example.org>",
			"anna\u202E@example.org", "anna\u200B@example.org", "anna@example.org\u2028", "anna@exam\u0000ple.org",
			"anna@example.org\rBcc: x@y.z", "\tanna@example.org" })
	void rejectsInvalidAddresses(String address) {
		assertThat(EmailAddress.isValid(address)).isFalse();
	}

	@Test
	void rejectsMoreThan254Characters() {
		var domain = "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(63) + "." + "g".repeat(60) + ".de";
		assertThat(("a@" + domain).length()).isEqualTo(257);
		assertThat(EmailAddress.isValid("a@" + domain)).isFalse();
		assertThat(EmailAddress.isValid("a@" + domain.substring(3))).isTrue();
	}

	@Test
	void rejectsALocalPartOverSixtyFourCharacters() {
		assertThat(EmailAddress.isValid("a".repeat(65) + "@example.org")).isFalse();
		assertThat(EmailAddress.isValid("a".repeat(64) + "@example.org")).isTrue();
	}

	@Test
	void cannotBeCreatedInvalid() {
		assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.of("not an address"));
		assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress("Upper@example.org"));
	}
}

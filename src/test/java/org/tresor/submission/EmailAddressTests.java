package org.tresor.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTests {

	@Test
	void acceptsAnOrdinaryAddressInLowerCase() {
		assertThat(new EmailAddress("Client.Name+tag@Example.ORG").value()).isEqualTo("client.name+tag@example.org");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "plain", "a@b", "a@@b.de", "a@b.de\r\nBcc: evil@x.de", "a@b.de, c@d.de",
			"a@b.de\nx", "\"a b\"@c.de", "müller@beispiel.de", "a..b@c.de", "a@-b.de" })
	void refusesAnythingButOneAddress(String candidate) {
		assertThat(EmailAddress.isValid(candidate)).isFalse();
		assertThatThrownBy(() -> new EmailAddress(candidate)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void refusesAddressesLongerThan254Characters() {
		assertThat(EmailAddress.isValid("a".repeat(64) + "@" + "b".repeat(60) + "." + "c".repeat(60) + "."
				+ "d".repeat(60) + "." + "e".repeat(10) + ".de")).isFalse();
	}
}

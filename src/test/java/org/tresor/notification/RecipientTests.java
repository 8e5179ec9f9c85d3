package org.tresor.notification;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientTests {

	@Test
	void acceptsOnePlainAddress() {
		assertThat(Recipient.parse("anna.schmidt@example.org")).get()
				.extracting(r -> r.address().getAddress()).isEqualTo("anna.schmidt@example.org");
	}

	@ParameterizedTest
	@ValueSource(strings = { "victim@example.org\r\nBcc: x@evil", "victim@example.org\nBcc: x@evil",
			"victim@example.org\rBcc: x@evil", "victim@example.org, x@evil", "victim@example.org; x@evil",
			"Victim <victim@example.org>", "group: a@example.org, b@example.org;", "victim@example.org\t",
			"no-at-sign", "", " " })
	void refusesAnythingButOnePlainAddress(String text) {
		assertThat(Recipient.parse(text)).isEmpty();
	}

	@Test
	void refusesNull() {
		assertThat(Recipient.parse(null)).isEmpty();
	}

	@Test
	void masksTheAddressForLogs() {
		var recipient = Recipient.parse("victim@example.org").orElseThrow();
		assertThat(recipient.masked()).isEqualTo("v***@example.org");
		assertThat(recipient).hasToString("v***@example.org");
	}
}

package org.tresor.notification;

import java.util.Optional;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Exactly one plain mail address. Whatever could smuggle in a header or a second recipient (CR, LF or any
 * other control character, a comma, a display name, a group) does not parse, so a mail can never go to an
 * address the event did not name.
 */
record Recipient(InternetAddress address) {

	static Optional<Recipient> parse(String text) {
		if (text == null || text.isBlank() || text.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == ',' || c == ';')) {
			return Optional.empty();
		}
		try {
			var address = new InternetAddress(text, true);
			address.validate();
			if (address.getPersonal() != null || address.isGroup() || !address.getAddress().equals(text)) {
				return Optional.empty();
			}
			return Optional.of(new Recipient(address));
		}
		catch (AddressException invalid) {
			return Optional.empty();
		}
	}

	/** For logs: the first character of the local part and the domain, e.g. {@code v***@example.org}. */
	String masked() {
		var value = address.getAddress();
		var at = value.lastIndexOf('@');
		return at <= 0 ? "***" : value.charAt(0) + "***" + value.substring(at);
	}

	@Override
	public String toString() {
		return masked();
	}
}

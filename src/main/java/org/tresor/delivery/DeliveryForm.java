package org.tresor.delivery;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tresor.account.EmailAddress;

/** The text fields of "New delivery" as typed, and the rules they must meet before any file is accepted. */
record DeliveryForm(String recipients, String subject, String message, String expiresOn) {

	static final int MAX_SUBJECT_LENGTH = 200;

	static DeliveryForm empty() {
		return new DeliveryForm("", "", "", "");
	}

	static DeliveryForm of(Map<String, String> fields) {
		return new DeliveryForm(fields.getOrDefault("recipients", ""), fields.getOrDefault("subject", ""),
				fields.getOrDefault("message", ""), fields.getOrDefault("expiresOn", ""));
	}

	/** Field name to message key of what is wrong; empty when the form may be sent. */
	Map<String, String> errors(LocalDate today, DeliveryProperties properties) {
		var errors = new LinkedHashMap<String, String>();
		var addresses = addressList();
		if (addresses.isEmpty()) {
			errors.put("recipients", "delivery.error.recipients.missing");
		}
		else if (!addresses.stream().allMatch(EmailAddress::isValid)) {
			errors.put("recipients", "delivery.error.recipients.invalid");
		}
		else if (addresses.size() > properties.maxRecipients()) {
			errors.put("recipients", "delivery.error.recipients.tooMany");
		}
		var trimmedSubject = subject.strip();
		if (trimmedSubject.isEmpty()) {
			errors.put("subject", "delivery.error.subject.missing");
		}
		else if (trimmedSubject.length() > MAX_SUBJECT_LENGTH || trimmedSubject.chars().anyMatch(Character::isISOControl)) {
			errors.put("subject", "delivery.error.subject.invalid");
		}
		try {
			var date = expiryDate(today, properties);
			if (!date.isAfter(today) || date.isAfter(latestExpiry(today, properties))) {
				errors.put("expiresOn", "delivery.error.expiresOn.range");
			}
		}
		catch (DateTimeParseException e) {
			errors.put("expiresOn", "delivery.error.expiresOn.invalid");
		}
		return errors;
	}

	/** The recipients, each once, in the order typed. Valid only when {@link #errors} found none. */
	List<EmailAddress> recipientAddresses() {
		return addressList().stream().map(EmailAddress::of).distinct().toList();
	}

	String trimmedSubject() {
		return subject.strip();
	}

	/** The last day the delivery can be fetched: the chosen date, or the default. */
	LocalDate expiryDate(LocalDate today, DeliveryProperties properties) {
		return expiresOn.isBlank() ? today.plusDays(properties.defaultExpiryDays()) : LocalDate.parse(expiresOn.strip());
	}

	static LocalDate latestExpiry(LocalDate today, DeliveryProperties properties) {
		return today.plusDays(properties.maxExpiryDays());
	}

	/** Several addresses may be separated by commas, semicolons, spaces or line breaks. */
	private List<String> addressList() {
		var unique = new LinkedHashSet<String>();
		Arrays.stream(recipients.split("[,;\\s]+"))
			.map(String::strip)
			.filter(address -> !address.isEmpty())
			.forEach(address -> unique.add(address.toLowerCase(Locale.ROOT)));
		return List.copyOf(unique);
	}
}

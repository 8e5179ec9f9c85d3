package org.tresor.delivery;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tresor.kernel.TresorProperties;
import org.tresor.account.EmailAddress;
import org.tresor.parcel.PlainText;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The text fields of "New delivery" as typed, validated as a whole ({@link Deliverable}) once they are read,
 * before any file is accepted.
 */
@DeliveryForm.Deliverable
record DeliveryForm(String recipients, String subject,
		@PlainText(message = "delivery.error.message.invalid") String message, String expiresOn) {

	static final int MAX_SUBJECT_LENGTH = 200;

	static DeliveryForm empty() {
		return new DeliveryForm("", "", "", "");
	}

	static DeliveryForm of(Map<String, String> fields) {
		return new DeliveryForm(fields.getOrDefault("recipients", ""), fields.getOrDefault("subject", ""),
				fields.getOrDefault("message", ""), fields.getOrDefault("expiresOn", ""));
	}

	/** The recipients, each once, in the order typed. Valid only when the form is {@link Deliverable}. */
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

	/**
	 * The rules the fields must meet: recipients (present, valid, not too many), a subject, an expiry date in
	 * the allowed range. Each error goes next to its field, as a message key; the first rule a field breaks
	 * is the one it shows.
	 */
	@Target(TYPE)
	@Retention(RUNTIME)
	@Constraint(validatedBy = Deliverable.Rules.class)
	@interface Deliverable {

		String message() default "delivery.error.form";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Rules implements ConstraintValidator<Deliverable, DeliveryForm> {

			private final DeliveryProperties properties;

			private final TresorProperties tresor;

			private final Clock clock;

			Rules(DeliveryProperties properties, TresorProperties tresor, Clock clock) {
				this.properties = properties;
				this.tresor = tresor;
				this.clock = clock;
			}

			@Override
			public boolean isValid(DeliveryForm form, ConstraintValidatorContext context) {
				context.disableDefaultConstraintViolation();
				var today = LocalDate.ofInstant(clock.instant(), tresor.timeZone());
				boolean valid = true;
				var addresses = form.addressList();
				if (addresses.isEmpty()) {
					valid = reject(context, "recipients", "delivery.error.recipients.missing");
				}
				else if (!addresses.stream().allMatch(EmailAddress::isValid)) {
					valid = reject(context, "recipients", "delivery.error.recipients.invalid");
				}
				else if (addresses.size() > properties.maxRecipients()) {
					valid = reject(context, "recipients", "delivery.error.recipients.tooMany");
				}
				var subject = form.trimmedSubject();
				if (subject.isEmpty()) {
					valid = reject(context, "subject", "delivery.error.subject.missing");
				}
				else if (subject.length() > MAX_SUBJECT_LENGTH || subject.chars().anyMatch(Character::isISOControl)) {
					valid = reject(context, "subject", "delivery.error.subject.invalid");
				}
				try {
					var date = form.expiryDate(today, properties);
					if (!date.isAfter(today) || date.isAfter(latestExpiry(today, properties))) {
						valid = reject(context, "expiresOn", "delivery.error.expiresOn.range");
					}
				}
				catch (DateTimeParseException e) {
					valid = reject(context, "expiresOn", "delivery.error.expiresOn.invalid");
				}
				return valid;
			}

			private static boolean reject(ConstraintValidatorContext context, String field, String messageKey) {
				context.buildConstraintViolationWithTemplate(messageKey).addPropertyNode(field).addConstraintViolation();
				return false;
			}
		}
	}
}

package org.tresor.submission;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import org.tresor.account.EmailAddress;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** The form that asks for a ticket: the sender's e-mail address, as typed. */
record TicketRequest(@TicketRequest.Address String email) {

	/** The longest e-mail address there can be. */
	static final int MAX_SHOWN = 254;

	/** What the page shows again after an error: nothing that could not be a valid address. */
	TicketRequest shown() {
		return new TicketRequest(email == null || email.length() > MAX_SHOWN ? "" : email);
	}

	/** A syntactically valid {@link EmailAddress}. The message is a message key. */
	@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
	@Retention(RUNTIME)
	@Constraint(validatedBy = Address.Check.class)
	@interface Address {

		String message() default "submit.request.email.invalid";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Check implements ConstraintValidator<Address, String> {

			@Override
			public boolean isValid(String value, ConstraintValidatorContext context) {
				return EmailAddress.isValid(value);
			}
		}
	}
}

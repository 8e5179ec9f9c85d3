package org.tresor.account;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Size;

/**
 * A form where someone chooses a password and a SecuPass, each typed twice. The rules for each secret are
 * on the components of the implementing record; {@link Consistent} checks the pairs.
 */
public interface ChosenSecrets {

	int PASSWORD_MIN_LENGTH = 12;

	int PASSWORD_MAX_LENGTH = 1024;

	String password();

	String passwordRepeated();

	String secuPass();

	String secuPassRepeated();

	/** Each pair matches, and the SecuPass differs from the password. Errors go next to the fields. */
	@Target(TYPE)
	@Retention(RUNTIME)
	@Constraint(validatedBy = Consistent.Check.class)
	@interface Consistent {

		String message() default "account.error.secrets";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Check implements ConstraintValidator<Consistent, ChosenSecrets> {

			@Override
			public boolean isValid(ChosenSecrets secrets, ConstraintValidatorContext context) {
				context.disableDefaultConstraintViolation();
				boolean valid = true;
				if (!secrets.password().equals(secrets.passwordRepeated())) {
					valid = reject(context, "passwordRepeated", "account.error.password.mismatch");
				}
				if (!secrets.secuPass().isEmpty() && secrets.secuPass().equals(secrets.password())) {
					valid = reject(context, "secuPass", "account.error.secuPass.samePassword");
				}
				if (!secrets.secuPass().equals(secrets.secuPassRepeated())) {
					valid = reject(context, "secuPassRepeated", "account.error.secuPass.mismatch");
				}
				return valid;
			}

			private static boolean reject(ConstraintValidatorContext context, String field, String messageKey) {
				context.buildConstraintViolationWithTemplate(messageKey).addPropertyNode(field).addConstraintViolation();
				return false;
			}
		}
	}

	/** The password rule: long enough, and not absurdly long. */
	@Target({ java.lang.annotation.ElementType.RECORD_COMPONENT, java.lang.annotation.ElementType.FIELD,
			java.lang.annotation.ElementType.PARAMETER })
	@Retention(RUNTIME)
	@Constraint(validatedBy = {})
	@Size(min = PASSWORD_MIN_LENGTH, message = "account.error.password.short")
	@Size(max = PASSWORD_MAX_LENGTH, message = "account.error.password.long")
	@interface Password {

		String message() default "account.error.password.short";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};
	}

	static String orEmpty(String value) {
		return value == null ? "" : value;
	}
}

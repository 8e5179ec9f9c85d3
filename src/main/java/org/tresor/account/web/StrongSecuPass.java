package org.tresor.account.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.tresor.account.SecuPassStrength;

/** A SecuPass that {@link SecuPassStrength} accepts. The message is a message key. */
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
@Constraint(validatedBy = StrongSecuPass.Check.class)
@interface StrongSecuPass {

	String message() default "account.error.secuPass.weak";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Check implements ConstraintValidator<StrongSecuPass, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value != null && value.length() > SecuPassStrength.MAX_LENGTH) {
				// not weak but absurd: say so, rather than ask for a stronger one
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate("account.error.secuPass.long").addConstraintViolation();
				return false;
			}
			return SecuPassStrength.of(value).isAcceptable();
		}
	}
}

package org.tresor.parcel;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A parcel's message as people type it: text with line breaks and tabs, and no other control character (nothing
 * a terminal or a mail client would act on when the reader copies it out). {@code null} is left to other rules.
 */
@Target({ FIELD, METHOD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
@Constraint(validatedBy = PlainText.Rule.class)
public @interface PlainText {

	/** The message key shown at the field. */
	String message();

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Rule implements ConstraintValidator<PlainText, String> {

		@Override
		public boolean isValid(String text, ConstraintValidatorContext context) {
			return text == null
					|| text.chars().noneMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
		}
	}
}

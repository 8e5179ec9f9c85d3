package org.tresor.submission;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new box: its address ({@code /submit/{slug}}) and its name. */
record BoxForm(@Pattern(regexp = BoxForm.SLUG, message = "boxes.slug.invalid") String slug, @BoxForm.Name String name) {

	/** Lower-case letters, digits and hyphens; {@code t} and {@code sent} are the application's own paths. */
	static final String SLUG = "(?!(t|sent)$)[a-z0-9-]{1,64}";

	BoxForm {
		slug = slug == null ? "" : slug;
		name = stripped(name);
	}

	/** A box's new name. */
	record Renaming(@Name String name) {

		Renaming {
			name = stripped(name);
		}
	}

	/** A name is measured and stored without the spaces around it; a missing one is empty. */
	private static String stripped(String name) {
		return name == null ? "" : name.strip();
	}

	/** A box's name as people outside see it on the submit form. */
	@Target({ RECORD_COMPONENT, FIELD, PARAMETER })
	@Retention(RUNTIME)
	@Constraint(validatedBy = {})
	@NotBlank(message = "boxes.name.invalid")
	@Size(max = 200, message = "boxes.name.invalid")
	@interface Name {

		String message() default "boxes.name.invalid";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};
	}
}

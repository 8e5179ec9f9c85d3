package org.tresor.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

class SubmissionFormTests {

	private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

	@AfterAll
	static void close() {
		VALIDATION.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Sehr geehrte Damen und Herren,\r\n\tanbei die Lohnabrechnungen. 📎",
			"Zeile 1\nZeile 2", "naïve café – „Anführung“" })
	void acceptsTextWithLineBreaksAndTabs(String message) {
		assertThat(VALIDATION.getValidator().validate(new SubmissionForm(message))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u001b[31mred", "nul\u0000byte", "bell\u0007", "delete\u007f", "next line\u0085" })
	void refusesControlCharactersAtTheMessageField(String message) {
		var violations = VALIDATION.getValidator().validate(new SubmissionForm(message));

		assertThat(violations).extracting(violation -> violation.getPropertyPath().toString(),
				ConstraintViolation::getMessage)
			.containsExactly(tuple("message", "submit.error.message-invalid"));
	}

	@Test
	void readsTheMessageFieldOrNothing() {
		assertThat(SubmissionForm.of(Map.of("message", "hello")).message()).isEqualTo("hello");
		assertThat(SubmissionForm.of(Map.of()).message()).isEmpty();
	}
}

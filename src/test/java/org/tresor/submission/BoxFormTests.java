package org.tresor.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

class BoxFormTests {

	private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

	@AfterAll
	static void close() {
		validation.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "info", "legal-2", "a", "t-2", "sent-items" })
	void acceptsLowerCaseLettersDigitsAndHyphens(String slug) {
		assertThat(errors(new BoxForm(slug, "Legal"))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Info", "a b", "a/..", "café", "t", "sent" })
	void refusesOtherAddressesAndTheApplicationsOwnPaths(String slug) {
		assertThat(errors(new BoxForm(slug, "Legal"))).containsExactly(Map.entry("slug", "boxes.slug.invalid"));
	}

	@Test
	void refusesAnAddressLongerThan64Characters() {
		assertThat(errors(new BoxForm("a".repeat(64), "Legal"))).isEmpty();
		assertThat(errors(new BoxForm("a".repeat(65), "Legal"))).containsOnlyKeys("slug");
	}

	@Test
	void refusesABlankNameOrOneLongerThan200Characters() {
		assertThat(errors(new BoxForm("info", " \t "))).containsExactly(Map.entry("name", "boxes.name.invalid"));
		assertThat(errors(new BoxForm("info", "x".repeat(201)))).containsExactly(Map.entry("name", "boxes.name.invalid"));
		assertThat(errors(new BoxForm.Renaming(null))).containsExactly(Map.entry("name", "boxes.name.invalid"));
	}

	@Test
	void measuresTheNameWithoutTheSpacesAround() {
		var form = new BoxForm("info", "  " + "x".repeat(200) + "  ");
		assertThat(form.name()).hasSize(200);
		assertThat(errors(form)).isEmpty();
		assertThat(new BoxForm.Renaming(" After ").name()).isEqualTo("After");
	}

	private static Map<String, String> errors(Object form) {
		var errors = new TreeMap<String, String>();
		validation.getValidator().validate(form)
			.forEach(violation -> errors.put(violation.getPropertyPath().toString(), violation.getMessage()));
		return errors;
	}
}

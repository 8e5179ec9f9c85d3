package org.tresor.account.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.validation.BindingResult;

/** Field name to message key, the first error of each field: what {@code fragments/fields} shows. */
final class FieldErrors {

	static final String ATTRIBUTE = "errors";

	private FieldErrors() {
	}

	static Map<String, String> of(BindingResult result) {
		var errors = new LinkedHashMap<String, String>();
		result.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
		return errors;
	}

	static Map<String, String> of(String field, String messageKey) {
		return Map.of(field, messageKey);
	}
}

package org.tresor.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.validation.BindingResult;

/** Field name to message key, the first error of each field: what {@code fragments/fields} shows. */
public final class FieldErrors {

	public static final String ATTRIBUTE = "errors";

	private FieldErrors() {
	}

	public static Map<String, String> of(BindingResult result) {
		var errors = new LinkedHashMap<String, String>();
		result.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
		return errors;
	}

	public static Map<String, String> of(String field, String messageKey) {
		return Map.of(field, messageKey);
	}
}

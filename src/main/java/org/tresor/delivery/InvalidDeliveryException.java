package org.tresor.delivery;

import java.util.Map;

/** The delivery form breaks a rule; nothing was stored. The page shows each error next to its field. */
class InvalidDeliveryException extends RuntimeException {

	private final DeliveryForm form;

	private final Map<String, String> errors;

	InvalidDeliveryException(DeliveryForm form, Map<String, String> errors) {
		super("Delivery form rejected: " + errors.keySet());
		this.form = form;
		this.errors = Map.copyOf(errors);
	}

	DeliveryForm form() {
		return form;
	}

	Map<String, String> errors() {
		return errors;
	}
}

package org.tresor.delivery;

import java.util.UUID;

public record DeliveryId(UUID value) {

	static DeliveryId random() {
		return new DeliveryId(UUID.randomUUID());
	}
}

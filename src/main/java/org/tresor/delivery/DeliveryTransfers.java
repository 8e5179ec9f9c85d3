package org.tresor.delivery;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tresor.protection.TransferRoutes;

/** The new-delivery form's upload and the recipient's downloads, counted against the transfer limits. */
@Configuration(proxyBeanMethods = false)
class DeliveryTransfers {

	@Bean
	TransferRoutes deliveryTransferRoutes() {
		return new TransferRoutes(List.of("/outbox/new"),
				List.of("/received/{id}/files/{number}", "/received/{id}/zip", "/received/{id}/encrypted/{number}"));
	}
}

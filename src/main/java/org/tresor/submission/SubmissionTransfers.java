package org.tresor.submission;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tresor.protection.TransferRoutes;

/** The submit form's upload and the inbox's downloads, counted against the transfer limits. */
@Configuration(proxyBeanMethods = false)
class SubmissionTransfers {

	@Bean
	TransferRoutes submissionTransferRoutes() {
		return new TransferRoutes(List.of("/submit/t/{token}"),
				List.of("/inbox/{id}/files/{number}", "/inbox/{id}/zip", "/inbox/{id}/encrypted/{number}"));
	}
}

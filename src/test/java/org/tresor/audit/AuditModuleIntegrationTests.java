package org.tresor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.tresor.account.Accounts;
import org.tresor.account.SignInFailed;
import org.tresor.account.UserId;

/**
 * The audit module alone (with the shared kernel): an event of another module, published as that module would,
 * becomes an entry in the record. Nothing of account, submission or delivery runs; the one account service the
 * trail asks for names is a stand-in.
 */
@ApplicationModuleTest
class AuditModuleIntegrationTests {

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("tresor.data-directory", () -> "./target/audit-module-tests");
		registry.add("tresor.public-base-url", () -> "http://localhost:8080");
		registry.add("tresor.dev.mailbox", () -> "false");
		// the readiness group names storage's health contributor, which is not part of this context
		registry.add("management.endpoint.health.validate-group-membership", () -> "false");
	}

	@MockitoBean
	Accounts accounts;

	@Autowired
	AuditEntries entries;

	@Test
	void recordsAFailedSignInFromTheAccountEvent(Scenario scenario) {
		var before = entries.count();

		scenario.publish(new SignInFailed(new UserId(UUID.randomUUID()), "mallory@example.org"))
			.andWaitForStateChange(entries::count, count -> count > before)
			.andVerify(count -> {
				assertThat(count).isEqualTo(before + 1);
				var entry = entries.findByOrderByOccurredAtDesc(Limit.of(1)).get(0).toView();
				assertThat(entry.actor()).isEqualTo("mallory@example.org");
				assertThat(entry.action()).isEqualTo(AuditAction.SIGN_IN_FAILED.name());
			});
	}
}

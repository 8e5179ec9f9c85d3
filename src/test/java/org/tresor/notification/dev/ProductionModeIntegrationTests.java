package org.tresor.notification.dev;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.util.GreenMail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With {@code tresor.dev.mailbox=false} (the prod profile) nothing of the embedded default exists. */
@SpringBootTest(properties = {
		"tresor.dev.mailbox=false",
		"tresor.public-base-url=https://tresor.example.org",
		"spring.mail.host=smtp.example.org" })
@AutoConfigureMockMvc
@WithMockUser
class ProductionModeIntegrationTests {

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
		var directory = Files.createTempDirectory("tresor-prod-it");
		registry.add("tresor.data-directory", directory::toString);
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Test
	void startsNoEmbeddedMailServer() {
		assertThat(context.getBeansOfType(GreenMail.class)).isEmpty();
	}

	@Test
	void sendsThroughTheConfiguredSmtpServer() {
		assertThat(context.getBean(JavaMailSender.class)).extracting("host").isEqualTo("smtp.example.org");
	}

	@Test
	void hasNoMailboxPage() throws Exception {
		assertThat(context.getBeansOfType(DevMailboxController.class)).isEmpty();
		mvc.perform(get("/dev/mailbox")).andExpect(status().isNotFound());
	}

	@Test
	void showsNoDevelopmentBanner() {
		assertThat(context.getBeansOfType(DevModeAdvice.class)).isEmpty();
	}
}

package org.tresor.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tresor.Browsers;
import org.tresor.TresorIntegrationTest;
import org.tresor.account.AccountFixtures;

import com.jayway.jsonpath.JsonPath;

/** The embedded default scans nothing, and says so where administrators look. */
class ScanningOffIntegrationTests extends TresorIntegrationTest {

	final WebClient staff = Browsers.browser();

	@AfterEach
	void close() {
		staff.close();
	}

	@Test
	void administratorsSeeThatScanningIsOff() throws IOException {
		AccountFixtures.logIn(staff, url("/login"), AccountFixtures.administrator(context, this::local));

		HtmlPage page = staff.getPage(url("/admin/scanning"));

		assertThat(page.getHtmlElementById("scanning-off").asNormalizedText())
			.contains("Scanning is off (TRESOR_SCAN=off)");
		var health = staff.getPage(url("/actuator/health")).getWebResponse().getContentAsString();
		assertThat(JsonPath.<Object>read(health, "$.components")).asString().doesNotContain("clamd");
	}
}

package org.tresor.audit;

import org.tresor.submission.TicketId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tresor.notification.NotificationIntegrationTestSupport;
import org.tresor.submission.SubmissionId;
import org.tresor.submission.SubmissionReceived;
import org.tresor.submission.TicketIssued;

/** {@code /admin/audit}: administrators find entries by who, what and when, page by page, and change nothing. */
class AuditLogPageIntegrationTests extends NotificationIntegrationTestSupport {

	@Autowired
	MockMvc mvc;

	final String actor = "client-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

	@Test
	void filtersByActorActionAndDays() throws Exception {
		publish(received(actor, "AUD-1001", "2031-03-01T10:00:00Z"));
		publish(received(actor, "AUD-1002", "2031-03-05T10:00:00Z"));
		publish(new TicketIssued(new TicketId(UUID.randomUUID()), actor, "Beratung", Instant.parse("2031-03-06T10:00:00Z"), "de"));
		publish(received("someone-else@example.org", "AUD-1003", "2031-03-05T11:00:00Z"));

		assertThat(page("?actor=" + actor.toUpperCase())).contains("AUD-1001", "AUD-1002", "ticket for box Beratung")
			.doesNotContain("AUD-1003").doesNotContain("secret-ticket-token");
		assertThat(page("?actor=" + actor + "&action=SUBMISSION_RECEIVED&from=2031-03-02&to=2031-03-05"))
			.contains("AUD-1002").doesNotContain("AUD-1001").doesNotContain("ticket for box");
		assertThat(page("?actor=" + actor + "&to=2031-03-01")).contains("AUD-1001").doesNotContain("AUD-1002");
		assertThat(page("?actor=" + actor + "&action=TICKET_REQUESTED")).contains("Ticket requested")
			.doesNotContain("AUD-100");
	}

	@Test
	void treatsWildcardsInTheActorFilterLiterally() throws Exception {
		publish(received(actor, "AUD-2001", "2031-04-01T10:00:00Z"));
		assertThat(page("?actor=%25&action=SUBMISSION_RECEIVED")).doesNotContain("AUD-2001").contains("No entries.");
	}

	@Test
	void showsFiftyEntriesAPageNewestFirst() throws Exception {
		for (int i = 0; i < AuditLog.PAGE_SIZE + 1; i++) {
			publish(received(actor, "AUD-3%03d".formatted(i), Instant.parse("2032-01-01T00:00:00Z").plusSeconds(i).toString()));
		}
		var first = page("?actor=" + actor);
		assertThat(first).contains("51 entries", "Page 1 of 2", "AUD-3050", "AUD-3001", "Older").doesNotContain("AUD-3000");
		assertThat(first.indexOf("AUD-3050")).isLessThan(first.indexOf("AUD-3049"));
		var second = page("?actor=" + actor + "&page=1");
		assertThat(second).contains("AUD-3000", "Page 2 of 2", "Newer").doesNotContain("AUD-3001");
	}

	@Test
	void refusesADateItCannotReadWithAMessageNextToTheField() throws Exception {
		var refused = mvc.perform(asAdministrator(get("/admin/audit?from=31.12.2030")))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("Please enter a date such as 2025-01-31.").contains("aria-describedby=\"from-error\"");
	}

	@Test
	void refusesARangeThatEndsBeforeItStarts() throws Exception {
		var refused = mvc.perform(asAdministrator(get("/admin/audit?from=2031-03-02&to=2031-03-01")))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("The end lies before the start.");
	}

	@Test
	void refusesAnUnknownAction() throws Exception {
		mvc.perform(asAdministrator(get("/admin/audit?action=DROP_TABLE"))).andExpect(status().isBadRequest());
	}

	@Test
	void offersNoWayToChangeOrDeleteEntries() throws Exception {
		mvc.perform(asAdministrator(post("/admin/audit").with(csrf()))).andExpect(status().isMethodNotAllowed());
		assertThat(Arrays.stream(AuditEntries.class.getMethods()).map(method -> method.getName()))
			.noneMatch(name -> name.startsWith("delete") || name.startsWith("update") || name.startsWith("remove"));
		assertThat(AuditEntry.class).hasAnnotation(org.hibernate.annotations.Immutable.class);
	}

	private String page(String query) throws Exception {
		return mvc.perform(asAdministrator(get("/admin/audit" + query))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
	}

	private static MockHttpServletRequestBuilder asAdministrator(MockHttpServletRequestBuilder request) {
		return request.with(user("admin@example.org").roles("ADMIN", "STAFF")).header("Accept-Language", "en");
	}

	private static SubmissionReceived received(String sender, String reference, String at) {
		return new SubmissionReceived(SubmissionId.random(), reference, "Beratung", sender, Instant.parse(at), 1,
				List.of(), "de");
	}
}

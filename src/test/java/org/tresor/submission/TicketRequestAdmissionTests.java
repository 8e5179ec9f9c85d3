package org.tresor.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Only the form that asks for a ticket waits its turn: not the form itself, not uploads, not sign-ins. */
class TicketRequestAdmissionTests {

	@Test
	void admitsTheTicketRequestsOfEveryBoxAndNothingElse() {
		assertThat(TicketRequestAdmission.TICKET_REQUEST.matches(request("POST", "/submit/info"))).isTrue();
		assertThat(TicketRequestAdmission.TICKET_REQUEST.matches(request("POST", "/submit/tax-office-2"))).isTrue();

		assertThat(TicketRequestAdmission.TICKET_REQUEST.matches(request("GET", "/submit/info"))).isFalse();
		assertThat(TicketRequestAdmission.TICKET_REQUEST.matches(request("POST", "/submit/t/a-token"))).isFalse();
		assertThat(TicketRequestAdmission.TICKET_REQUEST.matches(request("POST", "/login"))).isFalse();
	}

	private static MockHttpServletRequest request(String method, String path) {
		var request = new MockHttpServletRequest(method, path);
		request.setServletPath(path);
		return request;
	}
}

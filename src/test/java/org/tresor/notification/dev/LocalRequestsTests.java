package org.tresor.notification.dev;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class LocalRequestsTests {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "[::1]" })
	void acceptsLoopbackAddresses(String address) {
		assertThat(LocalRequests.isLoopback(address)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.1.2.3", "192.168.0.1", "2001:db8::1", "localhost", "example.org", "", "0.0.0.0" })
	void rejectsOtherAddressesAndHostNames(String address) {
		assertThat(LocalRequests.isLoopback(address)).isFalse();
	}

	@Test
	void rejectsForwardedRequestsEvenFromLoopback() {
		var request = new MockHttpServletRequest();
		request.setRemoteAddr("127.0.0.1");
		request.addHeader("Forwarded", "for=203.0.113.7");
		assertThat(LocalRequests.isLocal(request)).isFalse();
	}

	@Test
	void acceptsADirectLoopbackRequest() {
		var request = new MockHttpServletRequest();
		request.setRemoteAddr("127.0.0.1");
		assertThat(LocalRequests.isLocal(request)).isTrue();
	}
}

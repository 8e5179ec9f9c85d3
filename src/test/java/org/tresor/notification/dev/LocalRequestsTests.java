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

	@ParameterizedTest
	@ValueSource(strings = { "X-Forwarded-For", "X-Real-IP", "x-real-ip", "X-Forwarded-Host", "X-Forwarded-Proto",
			"Via", "True-Client-IP", "CF-Connecting-IP", "X-Client-IP" })
	void rejectsRequestsCarryingAnyProxyHeader(String header) {
		var request = new MockHttpServletRequest();
		request.setRemoteAddr("127.0.0.1");
		request.addHeader(header, "203.0.113.7");
		assertThat(LocalRequests.isLocal(request)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "LOCALHOST:8080", "localhost.", "127.0.0.1:8080", "127.3.4.5", "[::1]:8080", "[::1]" })
	void acceptsLoopbackHostNames(String host) {
		var request = new MockHttpServletRequest();
		request.setRemoteAddr("127.0.0.1");
		request.addHeader("Host", host);
		assertThat(LocalRequests.isLocal(request)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "rebound.example.org", "rebound.example.org:8080", "localhost.example.org", "evil.localhost",
			"10.1.2.3:8080", "[2001:db8::1]:8080", "0.0.0.0" })
	void rejectsOtherHostNamesFromLoopback(String host) {
		var request = new MockHttpServletRequest();
		request.setRemoteAddr("127.0.0.1");
		request.addHeader("Host", host);
		assertThat(LocalRequests.isLocal(request)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "[evil:example]", "[::1", "::1]", "[]" })
	void neverTakesAMalformedLiteralForLoopback(String address) {
		assertThat(LocalRequests.isLoopback(address)).isFalse();
	}

	@Test
	void acceptsADirectLoopbackRequest() {
		var request = new MockHttpServletRequest();
		request.setRemoteAddr("127.0.0.1");
		assertThat(LocalRequests.isLocal(request)).isTrue();
	}
}

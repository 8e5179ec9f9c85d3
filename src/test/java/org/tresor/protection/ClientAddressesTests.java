package org.tresor.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.tresor.kernel.InvalidSettingException;

class ClientAddressesTests {

	final ClientAddresses clients = new ClientAddresses(new ProxyProperties(List.of("10.0.0.0/8", "192.0.2.1", "::1")));

	@Test
	void isThePeerWhenThereIsNoProxy() {
		assertThat(clients.of(request("198.51.100.7"))).isEqualTo("198.51.100.7");
	}

	@Test
	void ignoresForwardedForFromAPeerThatIsNoTrustedProxy() {
		assertThat(clients.of(request("198.51.100.7", "203.0.113.9"))).isEqualTo("198.51.100.7");
	}

	@Test
	void isTheAddressATrustedProxyForwardedFor() {
		assertThat(clients.of(request("192.0.2.1", "203.0.113.9"))).isEqualTo("203.0.113.9");
		assertThat(clients.of(request("10.1.2.3", "203.0.113.9"))).isEqualTo("203.0.113.9");
		assertThat(clients.of(request("::1", "203.0.113.9"))).isEqualTo("203.0.113.9");
	}

	@Test
	void isTheRightMostEntryThatIsNoTrustedProxy() {
		// the client wrote the first two entries; the proxies 10.0.0.5 and 192.0.2.1 added the rest
		var request = request("192.0.2.1", "1.1.1.1, 2.2.2.2", "203.0.113.9, 10.0.0.5");
		assertThat(clients.of(request)).isEqualTo("203.0.113.9");
	}

	@Test
	void isTheLeftMostEntryWhenAllAreTrustedProxies() {
		assertThat(clients.of(request("192.0.2.1", "10.0.0.6, 10.0.0.5"))).isEqualTo("10.0.0.6");
	}

	@Test
	void isThePeerWhenATrustedProxyForwardedNothing() {
		assertThat(clients.of(request("192.0.2.1"))).isEqualTo("192.0.2.1");
	}

	@Test
	void neverTrustsAHostNameInTheHeader() {
		assertThat(clients.of(request("192.0.2.1", "203.0.113.9, localhost"))).isEqualTo("localhost");
	}

	@Test
	void refusesAProxySettingThatIsNoAddressOrRange() {
		assertThatThrownBy(() -> new ProxyProperties(List.of("proxy.example.org")))
			.isInstanceOfSatisfying(InvalidSettingException.class, e -> {
				assertThat(e.setting()).isEqualTo("tresor.trusted-proxies");
				assertThat(e.environmentVariable()).isEqualTo("TRESOR_TRUSTED_PROXIES");
			});
		assertThatThrownBy(() -> new ProxyProperties(List.of("10.0.0.0/99"))).isInstanceOf(InvalidSettingException.class);
	}

	private static MockHttpServletRequest request(String peer, String... forwardedFor) {
		var request = new MockHttpServletRequest();
		request.setRemoteAddr(peer);
		for (var header : forwardedFor) {
			request.addHeader("X-Forwarded-For", header);
		}
		return request;
	}
}

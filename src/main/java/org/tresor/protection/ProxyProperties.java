package org.tresor.protection;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.tresor.kernel.InvalidSettingException;

/**
 * @param trustedProxies the reverse proxies (IP addresses or CIDR ranges) whose {@code X-Forwarded-For} header
 * is believed; none by default, so the client is the peer of the connection
 */
@ConfigurationProperties("tresor")
record ProxyProperties(@DefaultValue List<String> trustedProxies) {

	ProxyProperties {
		trustedProxies = List.copyOf(trustedProxies);
		for (var proxy : trustedProxies) {
			try {
				new IpAddressMatcher(proxy.strip());
			}
			catch (IllegalArgumentException e) {
				throw new InvalidSettingException("tresor.trusted-proxies",
						"must list IP addresses or CIDR ranges such as 10.0.0.0/8, separated by commas, was " + proxy);
			}
		}
	}

	List<IpAddressMatcher> matchers() {
		return trustedProxies.stream().map(String::strip).map(IpAddressMatcher::new).toList();
	}
}

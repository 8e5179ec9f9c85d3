package org.tresor.protection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who sent a request: the peer of the connection, unless that peer is a configured trusted proxy
 * ({@code tresor.trusted-proxies}); then the right-most address in {@code X-Forwarded-For} that is not itself a
 * trusted proxy. Entries further left are whatever the client wrote and are never believed.
 */
@Component
public class ClientAddresses {

	/** Literal IPv4 or IPv6 addresses only: a host name must never cause a DNS lookup. */
	private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	private final List<IpAddressMatcher> trustedProxies;

	ClientAddresses(ProxyProperties properties) {
		this.trustedProxies = properties.matchers();
	}

	public String of(HttpServletRequest request) {
		var peer = request.getRemoteAddr();
		if (!isTrustedProxy(peer)) {
			return peer;
		}
		var forwarded = forwardedFor(request);
		for (int i = forwarded.size() - 1; i >= 0; i--) {
			if (!isTrustedProxy(forwarded.get(i))) {
				return forwarded.get(i);
			}
		}
		return forwarded.isEmpty() ? peer : forwarded.get(0);
	}

	/** The client of the request this thread is serving, if it serves one. */
	public Optional<String> current() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? Optional.of(of(attributes.getRequest())) : Optional.empty();
	}

	private boolean isTrustedProxy(String address) {
		var literal = unbracketed(address);
		if (!IP_LITERAL.matcher(literal).matches()) {
			return false;
		}
		try {
			return trustedProxies.stream().anyMatch(proxy -> proxy.matches(literal));
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	/** Every hop of every {@code X-Forwarded-For} header, left (the first) to right (the latest). */
	private static List<String> forwardedFor(HttpServletRequest request) {
		var hops = new ArrayList<String>();
		for (var header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
			for (var hop : header.split(",")) {
				if (!hop.isBlank()) {
					hops.add(hop.strip());
				}
			}
		}
		return hops;
	}

	private static String unbracketed(String address) {
		return address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
	}
}

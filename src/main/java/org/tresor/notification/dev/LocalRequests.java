package org.tresor.notification.dev;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request comes from this machine: its remote address is a loopback address, it names this
 * machine in its {@code Host} header (a page of another site whose name was rebound to 127.0.0.1 sends
 * that site's name, so DNS rebinding gets nothing), and it carries no header that a proxy adds (behind a
 * local reverse proxy every request would look local).
 */
final class LocalRequests {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	/** Headers that reverse proxies and CDNs add to name the client; any of them means "not direct". */
	private static final Set<String> PROXY_HEADERS = Set.of("forwarded", "via", "x-real-ip", "x-client-ip",
			"true-client-ip", "cf-connecting-ip", "fastly-client-ip", "x-cluster-client-ip", "x-original-forwarded-for",
			"x-proxyuser-ip", "client-ip");

	private LocalRequests() {
	}

	static boolean isLocal(HttpServletRequest request) {
		return !isProxied(request) && isLoopbackHost(request.getServerName()) && isLoopback(request.getRemoteAddr());
	}

	static boolean isProxied(HttpServletRequest request) {
		var names = request.getHeaderNames();
		if (names == null) {
			return false;
		}
		for (var name : Collections.list(names)) {
			var lower = name.toLowerCase(Locale.ROOT);
			if (lower.startsWith("x-forwarded-") || PROXY_HEADERS.contains(lower)) {
				return true;
			}
		}
		return false;
	}

	/** The host name of the {@code Host} header (port already taken off): {@code localhost} or a loopback literal. */
	static boolean isLoopbackHost(String host) {
		if (host == null) {
			return false;
		}
		var name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
		return name.equalsIgnoreCase("localhost") || isLoopback(name);
	}

	/** Only IP literals count; a host name is never resolved. */
	static boolean isLoopback(String address) {
		if (address == null) {
			return false;
		}
		var literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
		if (!literal.contains(":") && !IPV4.matcher(literal).matches()) {
			return false;
		}
		try {
			// brackets make the JDK parse an IPv6 literal or fail, never look the name up
			return InetAddress.getByName(literal.contains(":") ? "[" + literal + "]" : literal).isLoopbackAddress();
		}
		catch (UnknownHostException | SecurityException notAnAddress) {
			return false;
		}
	}
}

package org.tresor.notification.dev;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request comes from this machine: its remote address is a loopback address and no proxy
 * forwarded it (behind a local reverse proxy every request would look local).
 */
final class LocalRequests {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private LocalRequests() {
	}

	static boolean isLocal(HttpServletRequest request) {
		return request.getHeader("Forwarded") == null && request.getHeader("X-Forwarded-For") == null
				&& isLoopback(request.getRemoteAddr());
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
			return InetAddress.getByName(literal).isLoopbackAddress();
		}
		catch (UnknownHostException | SecurityException notAnAddress) {
			return false;
		}
	}
}

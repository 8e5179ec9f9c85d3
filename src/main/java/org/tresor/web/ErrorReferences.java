package org.tresor.web;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What an error page (and an error answer in JSON) may show: the status, its reason and a reference id,
 * nothing else. No exception, message, stack trace, request path (it may hold a token) or validation detail
 * ever reaches the client. The reference goes to the log with the exception, so an administrator finds what
 * happened from the number a user reads out. A request refused on purpose ({@link UnavailablePage}: too busy,
 * the database down) gets none: nothing failed, and what refused it logs why.
 */
@Component
class ErrorReferences extends DefaultErrorAttributes {

	static final String REFERENCE = "reference";

	private static final Logger log = LoggerFactory.getLogger(ErrorReferences.class);

	/** Without 0/O and 1/I/L, so a reference read out over the phone is unambiguous. */
	private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

	private final SecureRandom random = new SecureRandom();

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		var refused = request.getAttribute(UnavailablePage.REFUSED, RequestAttributes.SCOPE_REQUEST) != null;
		var reference = request.getAttribute(REFERENCE, RequestAttributes.SCOPE_REQUEST);
		if (reference == null && !refused) {
			reference = newReference();
			request.setAttribute(REFERENCE, reference, RequestAttributes.SCOPE_REQUEST);
			record((String) reference, request);
		}
		var all = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
		var shown = new LinkedHashMap<String, Object>();
		shown.put("timestamp", all.get("timestamp"));
		shown.put("status", all.get("status"));
		shown.put("error", all.get("error"));
		if (reference != null) {
			shown.put(REFERENCE, reference);
		}
		return shown;
	}

	/**
	 * The log line an administrator searches for. Names the status and the failure, never the request's path or
	 * query (tokens), nor a parameter (e-mail addresses, file names).
	 */
	private void record(String reference, WebRequest request) {
		var status = request.getAttribute("jakarta.servlet.error.status_code", RequestAttributes.SCOPE_REQUEST);
		var failure = getError(request);
		if (status instanceof Integer code && code >= 500) {
			log.error("Answered {} with error reference {}", code, reference, failure);
		}
		else {
			log.info("Answered {} with error reference {}{}", status, reference,
					failure == null ? "" : " (" + failure.getClass().getSimpleName() + ")");
		}
	}

	private String newReference() {
		var reference = new StringBuilder(9);
		for (int i = 0; i < 8; i++) {
			if (i == 4) {
				reference.append('-');
			}
			reference.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		return reference.toString();
	}
}

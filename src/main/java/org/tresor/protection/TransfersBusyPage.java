package org.tresor.protection;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The page of a transfer refused by {@link TransferLimitFilter}: in the reader's language, it says whether this
 * client already has its transfers under way or the server is full, and to try again shortly. Every other error
 * keeps its usual page.
 */
@Component
class TransfersBusyPage implements ErrorViewResolver, Ordered {

	static final String VIEW = "protection/transfers-busy";

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		if (!(request.getAttribute(TransferLimitFilter.REFUSAL) instanceof TransferLimits.Refusal refusal)) {
			return null;
		}
		var shown = new HashMap<>(model);
		shown.put("clientBusy", refusal == TransferLimits.Refusal.CLIENT_BUSY);
		return new ModelAndView(VIEW, shown, HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}
}

package org.tresor.account;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An account that single sign-on made has no key until its owner chose a SecuPass: every rule then asks for the
 * missing {@value #AUTHORITY}, and the missing authority leads to the page where the SecuPass is chosen, before
 * anything else.
 */
class KeyRequired implements AuthorizationManager<RequestAuthorizationContext> {

	static final String AUTHORITY = "TRESOR_KEY";

	static final String SETUP_PAGE = "/account/secupass/setup";

	@Override
	public AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
			RequestAuthorizationContext context) {
		var state = ActiveAccountFilter.stateOf(context.getRequest());
		if (state == null || state.hasKey()) {
			return new AuthorizationDecision(true);
		}
		return new AuthorityAuthorizationDecision(false, List.of(new SimpleGrantedAuthority(AUTHORITY)));
	}

	static class EntryPoint implements AuthenticationEntryPoint {

		@Override
		public void commence(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException missing) throws IOException {
			response.sendRedirect(request.getContextPath() + SETUP_PAGE);
		}
	}
}

package org.tresor.account;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.http.HttpServletRequest;

/** A filter that sees sign-ins only: the POST of the login form. */
abstract class SignInFilter extends OncePerRequestFilter {

	private static final RequestMatcher SIGN_IN = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/login");

	static boolean isSignIn(HttpServletRequest request) {
		return SIGN_IN.matches(request);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !isSignIn(request);
	}
}

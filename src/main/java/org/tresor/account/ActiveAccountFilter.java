package org.tresor.account;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Ends the session of an account that was disabled or deleted at its next request, on whichever instance it
 * arrives: the session carries only who signed in, so each request asks the database whether that account may
 * still be used (one primary-key lookup).
 */
class ActiveAccountFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(ActiveAccountFilter.class);

	private final Users users;

	ActiveAccountFilter(Users users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountUser user
				&& !users.isEnabled(user.id().value())) {
			SecurityContextHolder.clearContext();
			var session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			log.info("Session of user {} ended: the account was disabled or deleted", user.id().value());
		}
		chain.doFilter(request, response);
	}
}

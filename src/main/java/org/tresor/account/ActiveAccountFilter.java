package org.tresor.account;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Ends the session of an account that was disabled or deleted, or whose password changed after the session
 * signed in, at its next request, and gives every other request the roles the account holds now, on whichever
 * instance it arrives and whatever the session store: the session carries only who signed in and when, so each
 * request asks the database about the account (one primary-key lookup). Requests without a session (HTTP Basic on monitoring) prove the password each time.
 */
public class ActiveAccountFilter extends OncePerRequestFilter {

	/** The session attribute that says when its user signed in (or last changed the password in it). */
	static final String SIGNED_IN_AT = ActiveAccountFilter.class.getName() + ".signedInAt";

	/** The request attribute with the account's {@link AccountState} as this request found it. */
	private static final String STATE = ActiveAccountFilter.class.getName() + ".state";

	private static final Logger log = LoggerFactory.getLogger(ActiveAccountFilter.class);

	private final Users users;

	ActiveAccountFilter(Users users) {
		this.users = users;
	}

	/** The signed-in account's state as this request found it; null without a signed-in account. */
	static AccountState stateOf(HttpServletRequest request) {
		return (AccountState) request.getAttribute(STATE);
	}

	/** Marks {@code session} as signed in at {@code now}: credential changes before do not end it. */
	public static void signedIn(HttpSession session, Instant now) {
		session.setAttribute(SIGNED_IN_AT, now);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountUser user) {
			var session = request.getSession(false);
			var signedInAt = session == null ? null : (Instant) session.getAttribute(SIGNED_IN_AT);
			var state = users.state(user.id().value());
			var admitted = state.map(found -> session == null ? found.enabled() : found.admits(signedInAt))
				.orElse(false);
			if (!admitted) {
				SecurityContextHolder.clearContext();
				if (session != null) {
					session.invalidate();
				}
				log.info("Session of user {} ended: the account was disabled or deleted, or its password changed",
						user.id().value());
			}
			else {
				request.setAttribute(STATE, state.get());
				if (!state.get().roles().equals(user.roles())) {
					SecurityContextHolder.setContext(withRoles(authentication, user, state.get().roles()));
				}
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * The same sign-in with the roles the account holds now: an administrator granted or revoked acts as such from
	 * the next request on, without signing in again. Authorities that are not roles (factors) stay. A new context
	 * for this request only: the session's own is shared with the user's other requests, and is corrected each time.
	 */
	private static SecurityContext withRoles(Authentication signedIn, AccountUser user, Set<Role> roles) {
		var authorities = new ArrayList<GrantedAuthority>(AccountUser.authorities(roles));
		signedIn.getAuthorities().stream()
			.filter(authority -> !AccountUser.isRole(authority))
			.forEach(authorities::add);
		var updated = UsernamePasswordAuthenticationToken.authenticated(user.withRoles(roles), null, authorities);
		updated.setDetails(signedIn.getDetails());
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(updated);
		return context;
	}
}

package org.tresor.account.web;

import java.util.Collection;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.tresor.account.Role;

/** What the layout's navigation offers to the current visitor. */
record Navigation(boolean signedIn, boolean staff, boolean admin) {

	static final Navigation ANONYMOUS = new Navigation(false, false, false);

	static Navigation of(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return ANONYMOUS;
		}
		var admin = has(authentication.getAuthorities(), Role.ADMIN);
		return new Navigation(true, admin || has(authentication.getAuthorities(), Role.STAFF), admin);
	}

	private static boolean has(Collection<? extends GrantedAuthority> authorities, Role role) {
		return authorities.stream().anyMatch(authority -> ("ROLE_" + role).equals(authority.getAuthority()));
	}

	/** Adds {@code navigation} to every page's model. */
	@ControllerAdvice
	static class Advice {

		@ModelAttribute("navigation")
		Navigation navigation() {
			return Navigation.of(SecurityContextHolder.getContext().getAuthentication());
		}
	}
}

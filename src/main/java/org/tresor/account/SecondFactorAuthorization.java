package org.tresor.account;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Spring Security's multi-factor authentication, per account: every rule of the filter chain (roles, "signed in")
 * also asks for the second factor's {@link org.springframework.security.core.authority.FactorGrantedAuthority} of
 * an account that needs one ({@link AccountState#needsSecondFactor}), which {@link ActiveAccountFilter} looked up
 * for this request. A session that signed in with the password only is then sent, through the missing authority,
 * to the second-factor page, or to enrol one if it has none yet.
 */
class SecondFactorAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

	/** The factor a TOTP code or a recovery code grants. */
	static final String TOTP_AUTHORITY = "FACTOR_TOTP";

	static final String SIGN_IN_PAGE = "/login/second-factor";

	static final String ENROLMENT_PAGE = "/account/second-factor/setup";

	/** A code of the app, or a passkey (something held, unlocked on the device): either is the second factor. */
	private static final Set<String> SECOND_FACTORS = Set.of(TOTP_AUTHORITY, FactorGrantedAuthority.WEBAUTHN_AUTHORITY);

	@Override
	public AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
			RequestAuthorizationContext context) {
		var state = ActiveAccountFilter.stateOf(context.getRequest());
		if (state == null || !state.needsSecondFactor() || !signedInWithPassword(authentication.get())) {
			return new AuthorizationDecision(true);
		}
		var held = authentication.get().getAuthorities().stream()
			.anyMatch(authority -> SECOND_FACTORS.contains(authority.getAuthority()));
		// the missing one named is the code's: its page offers a passkey too
		return held ? new AuthorizationDecision(true)
				: new AuthorityAuthorizationDecision(false, List.of(new SimpleGrantedAuthority(TOTP_AUTHORITY)));
	}

	/** A second factor follows a password; a passkey or the organisation's single sign-on is strong on its own. */
	private static boolean signedInWithPassword(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(authority.getAuthority()));
	}

	/** Where a session without the factor goes: to give it, or to enrol one first. */
	static class EntryPoint implements AuthenticationEntryPoint {

		@Override
		public void commence(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException missing) throws IOException {
			var state = ActiveAccountFilter.stateOf(request);
			var page = state != null && !state.secondFactorEnrolled() ? ENROLMENT_PAGE : SIGN_IN_PAGE;
			response.sendRedirect(request.getContextPath() + page);
		}
	}
}

package org.tresor.account;

import java.time.Clock;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Adds the second factor to a session that signed in with the password: its authentication gains the factor's
 * {@link FactorGrantedAuthority}, and the session continues under a new id (as after any sign-in).
 */
@Component
public class SecondFactorSessions {

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final Clock clock;

	SecondFactorSessions(Clock clock) {
		this.clock = clock;
	}

	public void passed(HttpServletRequest request, HttpServletResponse response) {
		var signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn == null) {
			return;
		}
		var factor = FactorGrantedAuthority.withAuthority(SecondFactorAuthorization.TOTP_AUTHORITY)
			.issuedAt(clock.instant())
			.build();
		var withFactor = signedIn.toBuilder().authorities(authorities -> {
			authorities.removeIf(authority -> SecondFactorAuthorization.TOTP_AUTHORITY.equals(authority.getAuthority()));
			authorities.add(factor);
		}).build();
		continueAs(withFactor, request, response);
	}

	/**
	 * The session continues as {@code authentication}, under a new id (as after any sign-in): after the second
	 * factor, and after a passkey (whose principal becomes the account).
	 */
	void continueAs(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		request.getSession();
		request.changeSessionId();
		contexts.saveContext(context, request, response);
	}
}

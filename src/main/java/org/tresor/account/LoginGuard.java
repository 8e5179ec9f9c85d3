package org.tresor.account;

import java.io.IOException;

import org.tresor.protection.ClientAddresses;
import org.tresor.protection.Limit;
import org.tresor.protection.RateLimits;
import org.tresor.protection.TooManyAttemptsException;
import org.tresor.protection.TooManyAttemptsPage;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Runs before Spring Security checks a login, so nothing is hashed for an attempt that is refused anyway: the
 * rate limits per client address and per e-mail address, the lockouts after wrong passwords (of the address as
 * typed, in any letter case, whether or not an account has it, and of the client), and passwords too long to be
 * anyone's. {@link SignIns} counts the wrong passwords.
 */
class LoginGuard extends SignInFilter {

	static final String TOO_LONG_URL = "/login?tooLong";

	private final RateLimits limits;

	private final ClientAddresses clients;

	private final TooManyAttemptsPage tooManyAttempts;

	LoginGuard(RateLimits limits, ClientAddresses clients, TooManyAttemptsPage tooManyAttempts) {
		this.limits = limits;
		this.clients = clients;
		this.tooManyAttempts = tooManyAttempts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var client = clients.of(request);
		var email = EmailAddress.normalise(request.getParameter("email"));
		try {
			limits.acquire(Limit.LOGINS_PER_ADDRESS, client);
			limits.acquire(Limit.LOGINS_PER_EMAIL, email);
			limits.checkNotLocked(Limit.WRONG_PASSWORDS_PER_ACCOUNT, email);
			limits.checkNotLocked(Limit.WRONG_PASSWORDS_PER_ADDRESS, client);
		}
		catch (TooManyAttemptsException refusal) {
			tooManyAttempts.send(refusal, request, response);
			return;
		}
		var password = request.getParameter("password");
		if (password != null && password.length() > ChosenSecrets.PASSWORD_MAX_LENGTH) {
			// no password this long was ever accepted: refused before anything is hashed
			response.sendRedirect(request.getContextPath() + TOO_LONG_URL);
			return;
		}
		chain.doFilter(request, response);
	}
}

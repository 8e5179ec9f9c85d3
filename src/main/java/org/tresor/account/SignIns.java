package org.tresor.account;

import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.kernel.DatabaseUnavailable;
import org.tresor.protection.ClientAddresses;
import org.tresor.protection.Limit;
import org.tresor.protection.RateLimits;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What happens after the login form was sent: the time of the last login is kept for the administrators, and
 * every login and every wrong password for an existing account is announced (the audit log records them).
 * Every failed login counts towards the lockouts of the address typed and of the client ({@link LoginGuard}),
 * for unknown addresses too, so a lockout tells nobody whether an account exists.
 */
@Component
class SignIns implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(SignIns.class);

	private final Users users;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final RateLimits limits;

	private final ClientAddresses clients;

	/** The reason {@code /login?sso=…} gives when staff passwords are off. */
	static final String STAFF_PASSWORDS_OFF = "passwords_off";

	private final SingleSignOn singleSignOn;

	private final SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();

	private final SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler(
			"/login?error");

	SignIns(Users users, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
			RateLimits limits, ClientAddresses clients, SingleSignOn singleSignOn) {
		this.singleSignOn = singleSignOn;
		this.users = users;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.limits = limits;
		this.clients = clients;
		success.setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (authentication.getPrincipal() instanceof AccountUser user) {
			if (singleSignOn.refusesPasswordOf(user.roles())) {
				// told only to whoever knew the password: the address alone says nothing
				SecurityContextHolder.clearContext();
				request.getSession().invalidate();
				log.info("Password sign-in of user {} refused: staff sign in through single sign-on", user.id().value());
				response.sendRedirect(request.getContextPath() + "/login?sso=" + STAFF_PASSWORDS_OFF);
				return;
			}
			// the session id was changed already (Spring Security's session fixation protection)
			signedIn(request, user, UserSignedIn.Method.PASSWORD);
		}
		success.onAuthenticationSuccess(request, response, authentication);
	}

	/** Marks the session as signed in now, keeps the time for the administrators, and announces the sign-in. */
	void signedIn(HttpServletRequest request, AccountUser user, UserSignedIn.Method method) {
		ActiveAccountFilter.signedIn(request.getSession(), clock.instant().truncatedTo(ChronoUnit.MICROS));
		transactions.executeWithoutResult(status -> {
			if (users.recordSignIn(user.id().value(), clock.instant()) == 1) {
				events.publishEvent(new UserSignedIn(user.id(), user.email(), method));
			}
		});
		log.info("User {} signed in with {}", user.id().value(), method);
	}

	/**
	 * A login that failed because the database is down is no wrong password: it gets the 503 page
	 * ("temporarily unavailable") instead of the login form's error.
	 */
	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (DatabaseUnavailable.isCauseOf(exception)) {
			log.warn("Sign-in answered 503, database unavailable: {}", DatabaseUnavailable.describe(exception));
			response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
			return;
		}
		if (PasswordHashingBusyException.isCauseOf(exception)) {
			// not the password's fault, and not counted against it: the check never ran
			log.warn("Sign-in answered 503: more password checks at once than run or wait");
			response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
			return;
		}
		var email = request.getParameter("email");
		limits.recordFailure(Limit.WRONG_PASSWORDS_PER_ACCOUNT, EmailAddress.normalise(email));
		limits.recordFailure(Limit.WRONG_PASSWORDS_PER_ADDRESS, clients.of(request));
		if (email != null) {
			transactions.executeWithoutResult(status -> users.findByEmail(EmailAddress.normalise(email))
				.ifPresent(user -> {
					events.publishEvent(new SignInFailed(user.id(), user.email().value()));
					log.info("Sign-in of user {} refused: {}", user.id().value(), exception.getClass().getSimpleName());
				}));
		}
		failure.onAuthenticationFailure(request, response, exception);
	}
}

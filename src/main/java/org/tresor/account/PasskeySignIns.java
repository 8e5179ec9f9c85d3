package org.tresor.account;

import java.io.IOException;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.tresor.kernel.DatabaseUnavailable;
import org.tresor.protection.ClientAddresses;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * After Spring Security verified a passkey: the session continues under a new id as the account itself (the same
 * principal as a password sign-in, so every page knows who it is), with the passkey's factor
 * ({@code FACTOR_WEBAUTHN}, which satisfies a required second factor); the sign-in is recorded and audited like any
 * other, and the script is told where to go.
 */
@Component
class PasskeySignIns implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(PasskeySignIns.class);

	private final Users users;

	private final SignIns signIns;

	private final TransactionTemplate transactions;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final AuthenticationSuccessHandler answer = new HttpMessageConverterAuthenticationSuccessHandler();

	private final ApplicationEventPublisher events;

	private final ClientAddresses clients;

	private final SecondFactorSessions sessions;

	PasskeySignIns(Users users, SignIns signIns, SecondFactorSessions sessions, TransactionTemplate transactions,
			ApplicationEventPublisher events, ClientAddresses clients) {
		this.sessions = sessions;
		this.users = users;
		this.signIns = signIns;
		this.transactions = transactions;
		this.events = events;
		this.clients = clients;
	}

	/**
	 * A passkey Spring Security refused (unknown, a challenge that expired or was used, a wrong origin or signature):
	 * 401 for the script, which says so on the page, and an audit entry with the client. A sign-in the database could
	 * not check answers 503, as every page does then.
	 */
	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (DatabaseUnavailable.isCauseOf(exception)) {
			// no wrong passkey: the check could not run
			log.warn("Passkey sign-in answered 503, database unavailable: {}", DatabaseUnavailable.describe(exception));
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			return;
		}
		transactions.executeWithoutResult(status -> events.publishEvent(new PasskeySignInFailed(clients.of(request))));
		log.info("Passkey sign-in refused: {}", exception.getMessage());
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication passkey) throws IOException, ServletException {
		var entity = (PublicKeyCredentialUserEntity) passkey.getPrincipal();
		var account = transactions.execute(status -> users.findByEmail(EmailAddress.normalise(entity.getName()))
			.filter(found -> found.isEnabled() && found.isActive())
			.map(AccountUser::of));
		if (account.isEmpty()) {
			// a passkey of an account that was disabled meanwhile: no session
			SecurityContextHolder.clearContext();
			contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		var user = account.get();
		user.eraseCredentials();
		var signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null, passkey.getAuthorities());
		sessions.continueAs(signedIn, request, response);
		signIns.signedIn(request, user, UserSignedIn.Method.PASSKEY);
		answer.onAuthenticationSuccess(request, response, signedIn);
	}
}

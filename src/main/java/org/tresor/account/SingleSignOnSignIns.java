package org.tresor.account;

import java.io.IOException;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.transaction.support.TransactionOperations;
import org.tresor.protection.ClientAddresses;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * After the OpenID provider answered: a sign-in is recorded and audited like any other; a refusal (unverified
 * address, unknown account, wrong state or nonce, a token of another issuer or audience, a provider that failed)
 * leads back to the sign-in page with a message in the reader's language, and is audited. The account stays as
 * it was.
 */
class SingleSignOnSignIns implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	/** The refusals the sign-in page explains each in its own words; every other one gets the general message. */
	static final Set<String> EXPLAINED = Set.of(SingleSignOnUsers.UNVERIFIED_EMAIL, SingleSignOnUsers.UNKNOWN_ACCOUNT,
			SingleSignOnUsers.NOT_IN_GROUP);

	static final String GENERAL_REFUSAL = "failed";

	private static final Logger log = LoggerFactory.getLogger(SingleSignOnSignIns.class);

	private final SignIns signIns;

	private final ApplicationEventPublisher events;

	private final TransactionOperations transactions;

	private final ClientAddresses clients;

	private final SavedRequestAwareAuthenticationSuccessHandler onward = new SavedRequestAwareAuthenticationSuccessHandler();

	SingleSignOnSignIns(SignIns signIns, ApplicationEventPublisher events, TransactionOperations transactions,
			ClientAddresses clients) {
		this.signIns = signIns;
		this.events = events;
		this.transactions = transactions;
		this.clients = clients;
		onward.setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (authentication.getPrincipal() instanceof AccountUser user) {
			signIns.signedIn(request, user, UserSignedIn.Method.SINGLE_SIGN_ON);
		}
		onward.onAuthenticationSuccess(request, response, authentication);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		var reason = exception instanceof OAuth2AuthenticationException refusal ? refusal.getError().getErrorCode()
				: "authentication_failed";
		transactions.executeWithoutResult(
				status -> events.publishEvent(new SingleSignOnRefused(reason, clients.of(request))));
		log.info("Single sign-on refused: {} ({})", reason, exception.getMessage());
		var shown = EXPLAINED.contains(reason) ? reason : GENERAL_REFUSAL;
		response.sendRedirect(request.getContextPath() + "/login?sso=" + shown);
	}
}

package org.tresor.account;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.tresor.kernel.OrganisationProperties;
import org.tresor.kernel.TresorProperties;
import org.tresor.protection.ClientAddresses;
import org.tresor.protection.RateLimits;
import org.tresor.protection.TooManyAttemptsPage;
import org.tresor.web.HttpRules;

import jakarta.servlet.DispatcherType;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may see what: sign-in with a password, a passkey or (for staff, where configured) the organisation's OpenID
 * provider; Spring Security's multi-factor authentication for the second factor and the first SecuPass; each
 * module's URL rules ({@link HttpRules} beans); and the headers every answer carries.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'; "
			+ "form-action 'self'; base-uri 'none'; object-src 'none'";

	/**
	 * No inline script or style anywhere; scripts only as files from this server (e.g. {@code /js/upload.js}). Forms
	 * post to this server only, and with single sign-on the sign-out form also leads on to the provider's sign-out
	 * (form-action holds for the redirects after a form, too).
	 */
	static String contentSecurityPolicy(OrganisationProperties organisation, SingleSignOnProperties sso) {
		var policy = sso.enabled()
				? CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' " + origin(sso.issuerUri()))
				: CONTENT_SECURITY_POLICY;
		return policy + organisation.logoOrigin().map(origin -> "; img-src 'self' " + origin).orElse("");
	}

	/** HSTS for a year, sent with every answer (behind a TLS proxy the request itself may look like plain HTTP). */
	static final Duration HSTS_MAX_AGE = Duration.ofDays(365);

	/**
	 * The headers every answer carries, whoever writes it: pages, static files, monitoring and the error pages,
	 * also for requests the security filter chain rejects before its own header writer ran (a URL the firewall
	 * refuses). HSTS only in production, which runs behind HTTPS.
	 */
	static List<HeaderWriter> securityHeaders(OrganisationProperties organisation, SingleSignOnProperties sso,
			boolean production) {
		var writers = new ArrayList<HeaderWriter>(List.of(
				new ContentSecurityPolicyHeaderWriter(contentSecurityPolicy(organisation, sso)),
				// setup and ticket tokens are part of URLs: never send a URL anywhere, not even to ourselves
				new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER),
				new XContentTypeOptionsHeaderWriter(),
				new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY)));
		if (production) {
			var hsts = new HstsHeaderWriter(HSTS_MAX_AGE.toSeconds(), false);
			hsts.setRequestMatcher(AnyRequestMatcher.INSTANCE);
			writers.add(hsts);
		}
		return writers;
	}

	static boolean production(Environment environment) {
		return environment.acceptsProfiles(Profiles.of("prod"));
	}

	/** First in line for every dispatch (requests, error pages, forwards), before Spring Security's firewall. */
	@Bean
	FilterRegistrationBean<HeaderWriterFilter> securityHeadersFilter(OrganisationProperties organisation,
			SingleSignOnProperties sso, Environment environment) {
		var filter = new HeaderWriterFilter(securityHeaders(organisation, sso, production(environment)));
		filter.setShouldWriteHeadersEagerly(true);
		var registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD,
				DispatcherType.ASYNC, DispatcherType.INCLUDE);
		registration.setName("securityHeadersFilter");
		return registration;
	}

	/** The same headers from the security filter chains, plus their no-cache defaults. */
	private static void headers(HeadersConfigurer<HttpSecurity> headers, OrganisationProperties organisation,
			SingleSignOnProperties sso, boolean production) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(organisation, sso)))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
			.frameOptions(frame -> frame.deny());
		if (production) {
			headers.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_MAX_AGE.toSeconds())
				.includeSubDomains(false)
				.requestMatcher(AnyRequestMatcher.INSTANCE));
		}
		else {
			headers.httpStrictTransportSecurity(hsts -> hsts.disable());
		}
	}

	/**
	 * Monitoring: {@code /actuator/health} for everyone (details only for administrators), the other endpoints
	 * ({@code /actuator/prometheus}, ...) for administrators signed in through the login page, and
	 * {@code /actuator/prometheus} also for a monitoring system with the scrape token. No HTTP Basic: a password
	 * is checked only by the login form, with its rate limits, lockouts and audit ({@link MonitoringCredentials}).
	 */
	@Bean
	@Order(1)
	SecurityFilterChain monitoringSecurityFilterChain(HttpSecurity http, Users users,
			OrganisationProperties organisation, SingleSignOnProperties sso, Environment environment, ScrapeToken scrapeToken, RateLimits limits,
			ClientAddresses clients, TooManyAttemptsPage tooManyAttempts, ApplicationEventPublisher events)
			throws Exception {
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.requestMatchers("/actuator/prometheus")
				.hasAnyAuthority("ROLE_" + Role.ADMIN.name(), MonitoringCredentials.SCRAPE)
				.anyRequest().hasRole(Role.ADMIN.name()))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint((request, response, denied) -> {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
				response.sendError(HttpStatus.UNAUTHORIZED.value());
			}))
			.addFilterAfter(new MonitoringCredentials(scrapeToken, limits, clients, tooManyAttempts, events),
					SecurityContextHolderFilter.class)
			.addFilterAfter(new ActiveAccountFilter(users), SecurityContextHolderFilter.class)
			.headers(headers -> headers(headers, organisation, sso, production(environment)))
			.csrf(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http, Users users, SignIns signIns,
			PasskeySignIns passkeySignIns, SingleSignOnProperties sso, SingleSignOnRegistrations ssoRegistrations,
			SingleSignOnUsers ssoUsers, SingleSignOnSignIns ssoSignIns, OrganisationProperties organisation,
			TresorProperties tresor, Environment environment, RateLimits limits, ClientAddresses clients,
			TooManyAttemptsPage tooManyAttempts, List<HttpRules> moduleRules) throws Exception {
		http.authorizeHttpRequests(requests -> {
				// each module's own pages first (account's among them), then what holds for every other URL
				moduleRules.forEach(rules -> rules.authorize(requests));
				requests.requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
					.anyRequest().authenticated();
			})
			.formLogin(login -> login
				.loginPage("/login")
				.usernameParameter("email")
				.passwordParameter("password")
				.successHandler(signIns)
				.failureHandler(signIns))
			.addFilterAfter(new ActiveAccountFilter(users), SecurityContextHolderFilter.class)
			.addFilterBefore(new LoginGuard(limits, clients, tooManyAttempts), UsernamePasswordAuthenticationFilter.class)
			.webAuthn(passkeys -> passkeys.rpName(organisation.name())
				.rpId(tresor.publicBaseUrl().getHost())
				.allowedOrigins(origin(tresor.publicBaseUrl()))
				.disableDefaultRegistrationPage(true)
				.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
					@Override
					public <F extends WebAuthnAuthenticationFilter> F postProcess(F filter) {
						filter.setAuthenticationSuccessHandler(passkeySignIns);
						filter.setAuthenticationFailureHandler(passkeySignIns);
						return filter;
					}
				}))
			.exceptionHandling(exceptions -> exceptions
				.defaultDeniedHandlerForMissingAuthority(new SecondFactorAuthorization.EntryPoint(),
						SecondFactorAuthorization.TOTP_AUTHORITY)
				.defaultDeniedHandlerForMissingAuthority(new KeyRequired.EntryPoint(), KeyRequired.AUTHORITY))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers(headers -> headers(headers, organisation, sso, production(environment)))
			.csrf(Customizer.withDefaults());
		if (sso.enabled()) {
			var providerSignOut = new OidcClientInitiatedLogoutSuccessHandler(ssoRegistrations);
			providerSignOut.setPostLogoutRedirectUri("{baseUrl}/login?logout");
			providerSignOut.setDefaultTargetUrl("/login?logout");
			http.oauth2Login(login -> login.loginPage("/login")
				.clientRegistrationRepository(ssoRegistrations)
				.authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(ssoUsers))
				.successHandler(ssoSignIns)
				.failureHandler(ssoSignIns))
				// the provider's session ends too, where it offers RP-initiated logout
				.logout(logout -> logout.logoutSuccessHandler(providerSignOut));
		}
		return http.build();
	}

	@Bean
	SingleSignOnRegistrations singleSignOnRegistrations(SingleSignOnProperties sso, Clock clock) {
		return new SingleSignOnRegistrations(sso, clock);
	}

	@Bean
	SingleSignOnUsers singleSignOnUsers(SingleSignOnProperties sso, Users users, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		return new SingleSignOnUsers(sso, users, transactions, events, clock);
	}

	@Bean
	SingleSignOnSignIns singleSignOnSignIns(SignIns signIns, ApplicationEventPublisher events,
			TransactionTemplate transactions, ClientAddresses clients) {
		return new SingleSignOnSignIns(signIns, events, transactions, clients);
	}

	/**
	 * Account's own pages: the start page, signing in, setting up an account and resetting a forgotten password are
	 * open to everyone; giving the second factor, enrolling one and choosing the first SecuPass (an account made by
	 * single sign-on), to whoever signed in, before the rest.
	 */
	@Bean
	HttpRules accountHttpRules() {
		return requests -> requests.requestMatchers("/", "/setup/**", "/account/setup/**", "/login", "/login/sso",
					"/forgot-password/**", "/password-reset/**")
			.permitAll()
			.requestMatchers(SecondFactorAuthorization.SIGN_IN_PAGE, SecondFactorAuthorization.SIGN_IN_PAGE + "/**",
					SecondFactorAuthorization.ENROLMENT_PAGE, "/account/second-factor/qr.png",
					"/account/second-factor/confirm", KeyRequired.SETUP_PAGE)
			.access(AuthenticatedAuthorizationManager.authenticated());
	}

	/** Where passkeys are valid: the origin people open Tresor at (scheme, host and any port other than the default). */
	static String origin(URI publicBaseUrl) {
		return publicBaseUrl.getScheme() + "://" + publicBaseUrl.getHost()
				+ (publicBaseUrl.getPort() == -1 ? "" : ":" + publicBaseUrl.getPort());
	}

	/** The passkeys' user entities (a random user handle per account that has one), in the database. */
	@Bean
	PublicKeyCredentialUserEntityRepository passkeyUserEntities(JdbcOperations jdbc) {
		return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
	}

	/**
	 * Every rule of the filter chains also asks for a key of accounts that have none yet ({@link KeyRequired}) and for
	 * the second factor of accounts that need one ({@link SecondFactorAuthorization}).
	 */
	@Bean
	AuthorizationManagerFactory<RequestAuthorizationContext> authorizationManagerFactory() {
		var factory = new DefaultAuthorizationManagerFactory<RequestAuthorizationContext>();
		factory.setAdditionalAuthorization(
				AuthorizationManagers.allOf(new KeyRequired(), new SecondFactorAuthorization()));
		return factory;
	}

	/**
	 * Argon2id with OWASP's minimum: 19 MiB, 2 iterations, 1 lane (16-byte salt, 32-byte hash). Hashes made with
	 * other parameters (the earlier 16 MiB) still verify: each hash carries its own. Only so many run at once
	 * ({@link BoundedPasswordEncoder}).
	 */
	@Bean
	PasswordEncoder passwordEncoder(AccountProperties properties, PasswordHashingThreads threads) {
		return new LengthLimitedPasswordEncoder(new BoundedPasswordEncoder(new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2),
				threads, properties.maxQueuedPasswordHashes()));
	}

	@Bean
	PasswordHashingThreads passwordHashingThreads(AccountProperties properties) {
		return new PasswordHashingThreads(properties.concurrentPasswordHashes());
	}
}

package org.tresor.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.tresor.DatabaseUnavailable;
import org.tresor.OrganisationProperties;

/** Who may see what: form login for staff and recipients, public pages for senders and set-up. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'; "
			+ "form-action 'self'; base-uri 'none'; object-src 'none'";

	/** No inline script or style anywhere; scripts only as files from this server (e.g. {@code /js/upload.js}). */
	static String contentSecurityPolicy(OrganisationProperties organisation) {
		return CONTENT_SECURITY_POLICY
				+ organisation.logoOrigin().map(origin -> "; img-src 'self' " + origin).orElse("");
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, OrganisationProperties organisation) throws Exception {
		http.authorizeHttpRequests(requests -> requests
				.requestMatchers("/", "/submit/**", "/setup/**", "/account/setup/**", "/login", "/css/**", "/js/**",
						"/error", "/dev/**", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
				.requestMatchers("/inbox/**", "/outbox/**").hasAnyRole(Role.STAFF.name(), Role.ADMIN.name())
				.anyRequest().authenticated())
			.formLogin(login -> login
				.loginPage("/login")
				.usernameParameter("email")
				.passwordParameter("password")
				.defaultSuccessUrl("/")
				.failureHandler(loginFailure()))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(organisation)))
				// setup tokens are part of URLs: never send them to another site
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.csrf(Customizer.withDefaults());
		return http.build();
	}

	/**
	 * A login that failed because the database is down is no wrong password: it gets the 503 page
	 * ("temporarily unavailable") instead of the login form's error.
	 */
	private static AuthenticationFailureHandler loginFailure() {
		var wrongCredentials = new SimpleUrlAuthenticationFailureHandler("/login?error");
		return (request, response, exception) -> {
			if (DatabaseUnavailable.isCauseOf(exception)) {
				response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
			}
			else {
				wrongCredentials.onAuthenticationFailure(request, response, exception);
			}
		};
	}

	/** Argon2id (the Spring Security 5.8 defaults: 16 MiB, 2 iterations, 16-byte salt, 32-byte hash). */
	@Bean
	PasswordEncoder passwordEncoder() {
		return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
	}
}

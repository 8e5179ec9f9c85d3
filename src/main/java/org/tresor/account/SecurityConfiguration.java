package org.tresor.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.tresor.OrganisationProperties;
import org.tresor.protection.ClientAddresses;
import org.tresor.protection.RateLimits;
import org.tresor.protection.TooManyAttemptsPage;

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

	/**
	 * Monitoring: {@code /actuator/health} for everyone (details only for administrators), the other endpoints
	 * ({@code /actuator/prometheus}, ...) for administrators, signed in through the login page or with HTTP Basic
	 * (what a Prometheus server sends). Basic logins create no session.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain monitoringSecurityFilterChain(HttpSecurity http, Users users) throws Exception {
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.anyRequest().hasRole(Role.ADMIN.name()))
			.httpBasic(Customizer.withDefaults())
			.addFilterAfter(new ActiveAccountFilter(users), SecurityContextHolderFilter.class)
			.csrf(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http, Users users, SignIns signIns,
			OrganisationProperties organisation, RateLimits limits, ClientAddresses clients,
			TooManyAttemptsPage tooManyAttempts) throws Exception {
		http.authorizeHttpRequests(requests -> requests
				.requestMatchers("/", "/submit/**", "/setup/**", "/account/setup/**", "/login", "/css/**", "/js/**",
						"/error", "/dev/**")
				.permitAll()
				.requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
				.requestMatchers("/inbox/**", "/outbox/**").hasAnyRole(Role.STAFF.name(), Role.ADMIN.name())
				.anyRequest().authenticated())
			.formLogin(login -> login
				.loginPage("/login")
				.usernameParameter("email")
				.passwordParameter("password")
				.successHandler(signIns)
				.failureHandler(signIns))
			.addFilterAfter(new ActiveAccountFilter(users), SecurityContextHolderFilter.class)
			.addFilterBefore(new LoginGuard(limits, clients, tooManyAttempts), UsernamePasswordAuthenticationFilter.class)
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(organisation)))
				// setup tokens are part of URLs: never send them to another site
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.csrf(Customizer.withDefaults());
		return http.build();
	}

	/**
	 * Argon2id with OWASP's minimum: 19 MiB, 2 iterations, 1 lane (16-byte salt, 32-byte hash). Hashes made with
	 * other parameters (the earlier 16 MiB) still verify: each hash carries its own.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new LengthLimitedPasswordEncoder(new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2));
	}
}

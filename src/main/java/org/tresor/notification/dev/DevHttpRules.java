package org.tresor.notification.dev;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.tresor.web.HttpRules;

/**
 * The dev mailbox needs no sign-in (it answers only local requests, and exists only with
 * {@code tresor.dev.mailbox}); without it, {@code /dev/**} is open too and finds no page.
 */
@Component
class DevHttpRules implements HttpRules {

	@Override
	public void authorize(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/dev/**").permitAll();
	}
}

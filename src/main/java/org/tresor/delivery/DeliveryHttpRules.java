package org.tresor.delivery;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.tresor.account.Role;
import org.tresor.web.HttpRules;

/** The outbox is for staff (and administrators); what recipients see needs only a sign-in, the default. */
@Component
class DeliveryHttpRules implements HttpRules {

	@Override
	public void authorize(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/outbox/**").hasAnyRole(Role.STAFF.name(), Role.ADMIN.name());
	}
}

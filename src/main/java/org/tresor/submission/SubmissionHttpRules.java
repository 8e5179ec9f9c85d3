package org.tresor.submission;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.tresor.account.Role;
import org.tresor.web.HttpRules;

/** Senders submit without an account; the inbox is for staff (and administrators, who are staff too). */
@Component
class SubmissionHttpRules implements HttpRules {

	@Override
	public void authorize(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/submit/**").permitAll()
			.requestMatchers("/inbox/**").hasAnyRole(Role.STAFF.name(), Role.ADMIN.name());
	}
}

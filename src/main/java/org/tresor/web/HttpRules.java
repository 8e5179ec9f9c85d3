package org.tresor.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * One module's part of who may open which of its URLs. Each module with pages provides its rules as a bean; the
 * one security filter chain (account's {@code SecurityConfiguration}) applies them all, then its defaults: the
 * {@code /admin/**} area for administrators, everything else for signed-in people. Modules' paths do not
 * overlap, so the order among modules does not matter (an {@code @Order} on a bean fixes it where it would).
 */
@FunctionalInterface
public interface HttpRules {

	void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}

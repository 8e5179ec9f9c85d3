package org.tresor.account;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The organisation's OpenID provider as Spring Security's client registration {@value #ID}, made from the provider's
 * discovery document when it is first needed (not at start: a provider that is down must not stop Tresor, nor
 * password sign-in). {@link #reachable()} fetches the document anew, with a timeout, before each sign-in is sent
 * there, so a provider that is down gets a clear page rather than a browser error.
 */
class SingleSignOnRegistrations implements ClientRegistrationRepository {

	static final String ID = "sso";

	private static final Logger log = LoggerFactory.getLogger(SingleSignOnRegistrations.class);

	private final SingleSignOnProperties properties;

	private final RestClient http;

	/**
	 * How long a provider found unreachable is not asked again: while it is down or slow, a burst of sign-ins gets
	 * its answer at once, rather than each holding a thread for the timeout.
	 */
	static final Duration UNREACHABLE_PAUSE = Duration.ofSeconds(10);

	private final AtomicReference<ClientRegistration> registration = new AtomicReference<>();

	private final AtomicReference<Instant> unreachableAt = new AtomicReference<>();

	private final Clock clock;

	SingleSignOnRegistrations(SingleSignOnProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		var requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(properties.timeout());
		requests.setReadTimeout(properties.timeout());
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		if (!ID.equals(registrationId) || !properties.enabled()) {
			return null;
		}
		var known = registration.get();
		return known != null ? known : reachable().orElse(null);
	}

	/**
	 * The registration from a discovery document fetched now; empty if the provider cannot be reached, now or (without
	 * asking again) a moment ago.
	 */
	Optional<ClientRegistration> reachable() {
		if (!properties.enabled()) {
			return Optional.empty();
		}
		var lastFailure = unreachableAt.get();
		if (lastFailure != null && clock.instant().isBefore(lastFailure.plus(UNREACHABLE_PAUSE))) {
			return Optional.empty();
		}
		try {
			var issuer = properties.issuerUri().toString().replaceAll("/$", "");
			Map<String, Object> configuration = http.get()
				.uri(URI.create(issuer + "/.well-known/openid-configuration"))
				.retrieve()
				.body(new ParameterizedTypeReference<Map<String, Object>>() {
				});
			var fresh = ClientRegistrations.fromOidcConfiguration(configuration)
				.registrationId(ID)
				.clientId(properties.clientId())
				.clientSecret(properties.clientSecret())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
				.scope("openid", "email", "profile")
				.clientName(properties.displayName())
				.build();
			registration.set(fresh);
			unreachableAt.set(null);
			return Optional.of(fresh);
		}
		catch (RestClientException | IllegalArgumentException e) {
			unreachableAt.set(clock.instant());
			log.warn("The single sign-on provider {} cannot be reached (asked again in {} s at the earliest): {}",
					properties.issuerUri(), UNREACHABLE_PAUSE.toSeconds(), e.getMessage());
			return Optional.empty();
		}
	}
}

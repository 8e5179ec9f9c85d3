package org.tresor.account;

import java.time.Clock;
import java.util.Collection;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who a sign-in through the OpenID provider is: the enabled staff account with the verified e-mail address of the
 * ID token, or (where the setting allows it) a new staff account for it, which chooses its SecuPass first. Spring
 * Security's OpenID client has checked the token (signature, issuer, audience, nonce, expiry) before. With an
 * administrator group set, the provider decides who is an administrator (but the last active one stays one).
 * Nothing else about the account changes; its key and SecuPass are untouched.
 */
class SingleSignOnUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

	/** Error codes of refused sign-ins, besides Spring Security's own (state, nonce, issuer, audience, ...). */
	static final String UNVERIFIED_EMAIL = "tresor_unverified_email", UNKNOWN_ACCOUNT = "tresor_unknown_account",
			NOT_IN_GROUP = "tresor_not_in_group";

	private static final Logger log = LoggerFactory.getLogger(SingleSignOnUsers.class);

	private final OidcUserService provider = new OidcUserService();

	private final SingleSignOnProperties properties;

	private final Users users;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SingleSignOnUsers(SingleSignOnProperties properties, Users users, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.properties = properties;
		this.users = users;
		this.transactions = transactions;
		this.events = events;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		var provided = provider.loadUser(request);
		var email = Optional.ofNullable(provided.getClaims().get(properties.emailClaim()))
			.map(Object::toString)
			.filter(EmailAddress::isValid)
			.orElseThrow(() -> refused(UNVERIFIED_EMAIL, "the ID token has no e-mail address"));
		if (properties.standardEmailClaim() && !Boolean.TRUE.equals(provided.getEmailVerified())) {
			throw refused(UNVERIFIED_EMAIL, "the provider has not verified the e-mail address");
		}
		var administrator = inGroup(provided, properties.adminGroup());
		if (!properties.staffGroup().isEmpty() && !administrator && !inGroup(provided, properties.staffGroup())) {
			throw refused(NOT_IN_GROUP, "neither in the staff nor in the administrator group");
		}
		var account = transactions.execute(status -> users.findByEmail(EmailAddress.of(email))
			.or(() -> created(EmailAddress.of(email)))
			.filter(user -> user.isEnabled() && (user.has(Role.STAFF) || user.has(Role.ADMIN)))
			.map(user -> {
				if (administrator && !user.has(Role.ADMIN)) {
					user.grant(Role.ADMIN);
					events.publishEvent(new AdministratorGranted(user.id(), user.email().value(), user.id()));
					log.info("User {} became an administrator through the single sign-on group", user.id().value());
				}
				else if (!administrator && administratorsFromGroup() && user.has(Role.ADMIN)) {
					leaveAdministrators(user);
				}
				return new AccountUser(user.id(), user.email().value(), user.roles(), true, null);
			}))
			.orElseThrow(() -> refused(UNKNOWN_ACCOUNT, "no enabled staff account has this e-mail address"));
		return new SingleSignOnUser(account, provided);
	}

	/** A new staff account for someone the provider vouches for, where the setting allows it: no key yet. */
	private Optional<User> created(EmailAddress email) {
		if (!properties.createAccounts()) {
			return Optional.empty();
		}
		var user = users.save(User.invited(email, java.util.Set.of(Role.STAFF), Languages.tagOf(java.util.Locale.GERMAN),
				clock.instant()));
		events.publishEvent(new SingleSignOnAccountCreated(user.id(), email.value()));
		log.info("User {} created through single sign-on; waiting for the SecuPass", user.id().value());
		return Optional.of(user);
	}

	private boolean administratorsFromGroup() {
		return !properties.groupsClaim().isEmpty() && !properties.adminGroup().isEmpty();
	}

	/** Out of the provider's administrator group, out of the role; but the last active administrator stays one. */
	private void leaveAdministrators(User user) {
		if (users.isLastActiveAdministrator(user.id())) {
			log.warn("User {} left the single sign-on administrator group but stays an administrator: the last active one",
					user.id().value());
			return;
		}
		user.revoke(Role.ADMIN);
		events.publishEvent(new AdministratorRevoked(user.id(), user.email().value(), user.id()));
		log.info("User {} is no longer an administrator: not in the single sign-on group", user.id().value());
	}

	private boolean inGroup(OidcUser provided, String group) {
		if (properties.groupsClaim().isEmpty() || group.isEmpty()) {
			return false;
		}
		return provided.getClaims().get(properties.groupsClaim()) instanceof Collection<?> groups
				&& groups.stream().anyMatch(member -> group.equals(String.valueOf(member)));
	}

	private static OAuth2AuthenticationException refused(String code, String why) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, why, null));
	}
}

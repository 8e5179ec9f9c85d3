package org.tresor.account;

import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** What the sign-in page needs to know of single sign-on: whether it is on, its name, whether the provider is up. */
@Component
public class SingleSignOn {

	/** Where a sign-in goes to the provider (Spring Security's authorization request endpoint). */
	public static final String AUTHORIZATION_PATH = "/oauth2/authorization/" + SingleSignOnRegistrations.ID;

	/** The reasons for a refusal the sign-in page explains ({@code /login?sso=…}). */
	public static final Set<String> REFUSALS = Set.of(SingleSignOnSignIns.GENERAL_REFUSAL,
			SingleSignOnUsers.UNVERIFIED_EMAIL, SingleSignOnUsers.UNKNOWN_ACCOUNT, SingleSignOnUsers.NOT_IN_GROUP,
			SignIns.STAFF_PASSWORDS_OFF);

	private final SingleSignOnProperties properties;

	private final SingleSignOnRegistrations registrations;

	private final AccountSettings settings;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	SingleSignOn(SingleSignOnProperties properties, SingleSignOnRegistrations registrations, AccountSettings settings,
			ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.properties = properties;
		this.registrations = registrations;
		this.settings = settings;
		this.events = events;
		this.transactions = transactions;
	}

	/** Whether staff members may sign in with a password; always while single sign-on is off. */
	public boolean staffPasswordsAllowed() {
		return !properties.enabled() || transactions.execute(status -> settings
			.findById(AccountSetting.STAFF_PASSWORDS)
			.map(setting -> Boolean.parseBoolean(setting.value()))
			.orElse(true));
	}

	/**
	 * Lets staff members sign in with a password, or only through the provider. Administrators keep their
	 * password either way: the way in while the provider is down. Only with single sign-on on.
	 */
	public void allowStaffPasswords(boolean allowed, UserId by) {
		if (!properties.enabled()) {
			return;
		}
		transactions.executeWithoutResult(status -> {
			var setting = settings.findById(AccountSetting.STAFF_PASSWORDS)
				.orElseGet(() -> new AccountSetting(AccountSetting.STAFF_PASSWORDS, "true"));
			if (Boolean.parseBoolean(setting.value()) == allowed) {
				return;
			}
			setting.change(Boolean.toString(allowed));
			settings.save(setting);
			events.publishEvent(new StaffPasswordsChanged(allowed, by));
		});
	}

	/** Whether a password sign-in of someone with {@code roles} is refused: staff, no administrator, passwords off. */
	boolean refusesPasswordOf(Set<Role> roles) {
		return roles.contains(Role.STAFF) && !roles.contains(Role.ADMIN) && !staffPasswordsAllowed();
	}

	/** The provider's name for the sign-in button; empty while single sign-on is off. */
	public Optional<String> displayName() {
		return properties.enabled() ? Optional.of(properties.displayName()) : Optional.empty();
	}

	/** Whether the provider answers now (its discovery document, within the timeout). */
	public boolean reachable() {
		return registrations.reachable().isPresent();
	}
}

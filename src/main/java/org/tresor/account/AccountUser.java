package org.tresor.account;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The security principal: who is signed in, with which roles. The password hash is erased after login. */
class AccountUser implements SignedInUser, UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final UserId id;

	private final String email;

	private final Set<Role> roles;

	private final boolean enabled;

	private String passwordHash;

	AccountUser(UserId id, String email, Set<Role> roles, boolean enabled, String passwordHash) {
		this.id = id;
		this.email = email;
		this.roles = Set.copyOf(roles);
		this.enabled = enabled;
		this.passwordHash = passwordHash;
	}

	static AccountUser of(User user) {
		return new AccountUser(user.id(), user.email().value(), user.roles(), user.isEnabled(),
				user.passwordHash().orElse(null));
	}

	@Override
	public UserId id() {
		return id;
	}

	@Override
	public String email() {
		return email;
	}

	Set<Role> roles() {
		return roles;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return authorities(roles);
	}

	static List<GrantedAuthority> authorities(Set<Role> roles) {
		return roles.stream().sorted().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
	}

	static boolean isRole(GrantedAuthority authority) {
		return authority.getAuthority() != null && authority.getAuthority().startsWith("ROLE_");
	}

	/** The same user with other roles; no password hash. */
	AccountUser withRoles(Set<Role> roles) {
		return new AccountUser(id, email, roles, enabled, null);
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AccountUser that && id.equals(that.id);
	}

	@Override
	public int hashCode() {
		return id.hashCode();
	}

	@Override
	public String toString() {
		return "AccountUser[" + id.value() + "]";
	}
}

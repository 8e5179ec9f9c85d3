package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/** The organisation's OpenID provider vouched for someone without an account, who got one as staff (no key yet). */
@NamedInterface("events")
public record SingleSignOnAccountCreated(UserId user, String email) {
}

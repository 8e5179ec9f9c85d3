package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/** An administrator took the administrator role from someone, who stays staff; it holds from their next request. */
@NamedInterface("events")
public record AdministratorRevoked(UserId user, String email, UserId by) {
}

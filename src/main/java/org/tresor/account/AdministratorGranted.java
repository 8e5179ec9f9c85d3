package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/** An administrator made a staff member an administrator too; it holds from the member's next request. */
@NamedInterface("events")
public record AdministratorGranted(UserId user, String email, UserId by) {
}

package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/** With single sign-on, an administrator let staff sign in with a password again, or switched that off. */
@NamedInterface("events")
public record StaffPasswordsChanged(boolean allowed, UserId by) {
}

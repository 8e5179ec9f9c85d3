package org.tresor.account;

import java.util.Set;

/** What other modules may know of a user. {@code hasKey} is false until the user completed set-up. */
public record UserSummary(UserId id, String email, Set<Role> roles, boolean hasKey, String languageTag) {
}

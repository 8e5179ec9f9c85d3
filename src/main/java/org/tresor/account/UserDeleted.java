package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/**
 * An administrator deleted an account, its key included: what was encrypted only to it can no longer be
 * opened. Published in the deleting transaction, so modules holding references (box memberships) drop them in it.
 */
@NamedInterface("events")
public record UserDeleted(UserId user, String email, UserId by) {
}

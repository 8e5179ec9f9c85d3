package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/** An administrator required a second factor of every staff member and administrator, or stopped requiring it. */
@NamedInterface("events")
public record SecondFactorPolicyChanged(boolean required, UserId by) {
}

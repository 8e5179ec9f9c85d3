package org.tresor.account;

import org.springframework.modulith.NamedInterface;

/**
 * A sign-in through the OpenID provider was refused: {@code reason} is the OAuth 2.0 error code (Spring Security's,
 * such as {@code invalid_state_parameter} or {@code invalid_id_token}, or Tresor's {@code tresor_unverified_email}
 * and {@code tresor_unknown_account}); {@code client} the address it came from.
 */
@NamedInterface("events")
public record SingleSignOnRefused(String reason, String client) {
}

/**
 * Users and their roles (administrator, staff, external recipient), sign-in, passwords (Argon2id), set-up
 * links and unlocking a user's key with the SecuPass; the one security filter chain, which applies every
 * module's URL rules. Controllers and forms live in {@code web}.
 */
@ApplicationModule(displayName = "Account", allowedDependencies = {"crypto", "protection", "retention", "web"})
package org.tresor.account;

import org.springframework.modulith.ApplicationModule;

/**
 * Users and their roles (administrator, staff, external recipient); sign-in with passwords (Argon2id), passkeys
 * and the organisation's single sign-on; the second factor (TOTP and recovery codes); set-up and password-reset
 * links; unlocking a user's key with the SecuPass, and locking it with a new one; the one security filter chain,
 * which applies every module's URL rules. Controllers and forms live in {@code web}.
 */
@ApplicationModule(displayName = "Account", allowedDependencies = {"crypto", "protection", "retention", "web"})
package org.tresor.account;

import org.springframework.modulith.ApplicationModule;

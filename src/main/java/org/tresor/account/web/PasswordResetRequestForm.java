package org.tresor.account.web;

import org.tresor.account.ChosenSecrets;

/** Whose password was forgotten. */
record PasswordResetRequestForm(@ValidEmail String email) {

	PasswordResetRequestForm {
		email = ChosenSecrets.orEmpty(email);
	}
}

package org.tresor.account.web;

import org.tresor.account.ChosenSecrets;

/** A new password, twice, chosen through a reset link. */
record NewPasswordForm(@ChosenSecrets.Password String password, String passwordRepeated) {

	NewPasswordForm {
		password = ChosenSecrets.orEmpty(password);
		passwordRepeated = ChosenSecrets.orEmpty(passwordRepeated);
	}

	static NewPasswordForm empty() {
		return new NewPasswordForm("", "");
	}

	boolean repeatedCorrectly() {
		return password.equals(passwordRepeated);
	}

	@Override
	public String toString() {
		return "NewPasswordForm[***]";
	}
}

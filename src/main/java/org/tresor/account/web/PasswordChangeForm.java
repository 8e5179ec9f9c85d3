package org.tresor.account.web;

import org.tresor.account.ChosenSecrets;

/** The current password, and the new one twice. */
record PasswordChangeForm(String currentPassword, @ChosenSecrets.Password String newPassword,
		String newPasswordRepeated) {

	PasswordChangeForm {
		currentPassword = ChosenSecrets.orEmpty(currentPassword);
		newPassword = ChosenSecrets.orEmpty(newPassword);
		newPasswordRepeated = ChosenSecrets.orEmpty(newPasswordRepeated);
	}

	static PasswordChangeForm empty() {
		return new PasswordChangeForm("", "", "");
	}

	boolean repeatedCorrectly() {
		return newPassword.equals(newPasswordRepeated);
	}

	@Override
	public String toString() {
		return "PasswordChangeForm[***]";
	}
}

package org.tresor.account.web;

import org.tresor.account.ChosenSecrets;

/** An invited user's password and SecuPass. */
@ChosenSecrets.Consistent
record ActivationForm(@ChosenSecrets.Password String password, String passwordRepeated,
		@StrongSecuPass String secuPass, String secuPassRepeated) implements ChosenSecrets {

	ActivationForm {
		password = ChosenSecrets.orEmpty(password);
		passwordRepeated = ChosenSecrets.orEmpty(passwordRepeated);
		secuPass = ChosenSecrets.orEmpty(secuPass);
		secuPassRepeated = ChosenSecrets.orEmpty(secuPassRepeated);
	}

	static ActivationForm empty() {
		return new ActivationForm("", "", "", "");
	}

	@Override
	public String toString() {
		return "ActivationForm[***]";
	}
}

package org.tresor.account.web;

import org.tresor.account.ChosenSecrets;

/** The first administrator's e-mail, password and SecuPass. */
@ChosenSecrets.Consistent
record AdministratorForm(@ValidEmail String email, @ChosenSecrets.Password String password, String passwordRepeated,
		@StrongSecuPass String secuPass, String secuPassRepeated) implements ChosenSecrets {

	AdministratorForm {
		email = ChosenSecrets.orEmpty(email);
		password = ChosenSecrets.orEmpty(password);
		passwordRepeated = ChosenSecrets.orEmpty(passwordRepeated);
		secuPass = ChosenSecrets.orEmpty(secuPass);
		secuPassRepeated = ChosenSecrets.orEmpty(secuPassRepeated);
	}

	static AdministratorForm empty() {
		return new AdministratorForm("", "", "", "", "");
	}

	@Override
	public String toString() {
		return "AdministratorForm[email=" + email + ", secrets=***]";
	}
}

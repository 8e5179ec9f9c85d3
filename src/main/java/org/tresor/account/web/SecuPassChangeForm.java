package org.tresor.account.web;

import org.tresor.account.ChosenSecrets;

/** The current SecuPass, and the new one twice. */
record SecuPassChangeForm(String currentSecuPass, @StrongSecuPass String newSecuPass, String newSecuPassRepeated) {

	SecuPassChangeForm {
		currentSecuPass = ChosenSecrets.orEmpty(currentSecuPass);
		newSecuPass = ChosenSecrets.orEmpty(newSecuPass);
		newSecuPassRepeated = ChosenSecrets.orEmpty(newSecuPassRepeated);
	}

	boolean repeatedCorrectly() {
		return newSecuPass.equals(newSecuPassRepeated);
	}

	@Override
	public String toString() {
		return "SecuPassChangeForm[***]";
	}
}

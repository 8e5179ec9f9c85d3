package org.tresor.account.web;

import org.tresor.account.ChosenSecrets;

/** A SecuPass chosen by someone who signed in without a key yet, twice. */
record SecuPassChoiceForm(@StrongSecuPass String secuPass, String secuPassRepeated) {

	SecuPassChoiceForm {
		secuPass = ChosenSecrets.orEmpty(secuPass);
		secuPassRepeated = ChosenSecrets.orEmpty(secuPassRepeated);
	}

	boolean repeatedCorrectly() {
		return secuPass.equals(secuPassRepeated);
	}

	@Override
	public String toString() {
		return "SecuPassChoiceForm[***]";
	}
}

package org.tresor.account.web;

import org.tresor.account.ChosenSecrets;

/** The SecuPass that proves the export of one's own secret key; lives only in this request. */
record ExportForm(String secuPass) {

	ExportForm {
		secuPass = ChosenSecrets.orEmpty(secuPass);
	}

	static ExportForm empty() {
		return new ExportForm("");
	}

	@Override
	public String toString() {
		return "ExportForm[***]";
	}
}

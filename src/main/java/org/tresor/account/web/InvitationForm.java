package org.tresor.account.web;

import java.util.Locale;

import jakarta.validation.constraints.Pattern;

import org.tresor.account.ChosenSecrets;
import org.tresor.account.Languages;

/** Whom to invite, and in which language the invitation goes out. */
record InvitationForm(@ValidEmail String email, @Pattern(regexp = "de|en") String language) {

	InvitationForm {
		email = ChosenSecrets.orEmpty(email);
		language = language == null ? "de" : language;
	}

	static InvitationForm empty(Locale locale) {
		return new InvitationForm("", Languages.tagOf(locale));
	}
}

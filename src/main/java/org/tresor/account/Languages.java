package org.tresor.account;

import java.util.Locale;

/** The languages an account's mails are written in: English or German, German by default. */
public final class Languages {

	private Languages() {
	}

	/** The language tag kept with an account for {@code locale}. */
	public static String tagOf(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? "en" : "de";
	}
}

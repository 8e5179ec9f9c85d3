package org.tresor;

import org.htmlunit.WebClient;

/** HtmlUnit as the full-stack tests drive the pages: no JavaScript or CSS, English, error pages returned, not thrown. */
public final class Browsers {

	private Browsers() {
	}

	public static WebClient browser() {
		var browser = new WebClient();
		browser.getOptions().setJavaScriptEnabled(false);
		browser.getOptions().setCssEnabled(false);
		browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
		browser.addRequestHeader("Accept-Language", "en");
		return browser;
	}
}

package org.tresor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.htmlunit.Page;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlPage;

/** Presses the button of an irreversible action as a person does: tick its form's confirmation box first. */
public final class ConfirmedPress {

	private ConfirmedPress() {
	}

	public static Page press(HtmlPage page, String label) throws IOException {
		HtmlButton button = page.getFirstByXPath("//button[normalize-space(.)='" + label + "']");
		assertThat(button).as("button '" + label + "'").isNotNull();
		HtmlCheckBoxInput confirm = button.getEnclosingForm().getFirstByXPath(".//input[@name='confirm']");
		assertThat(confirm).as("the confirmation box next to '" + label + "'").isNotNull();
		confirm.setChecked(true);
		return button.click();
	}
}
